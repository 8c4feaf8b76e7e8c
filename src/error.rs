//! The crate's error type: what went wrong with an input, in words a user can act on.

use std::fmt;

/// An input the library could not read. Extraction itself never fails; errors come only from
/// reading input documents (NDJSON lines, reference dates).
///
/// # Example
///
/// ```
/// let err = bulletin_events::parse_reference_date("2022-13-01").unwrap_err();
/// assert!(matches!(err.kind(), bulletin_events::ErrorKind::BadDate { .. }));
/// assert_eq!(err.to_string(), "\"2022-13-01\" is not a YYYY-MM-DD date");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What kind of input problem an [`Error`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8; the first `valid_up_to` bytes are.
    InvalidUtf8 {
        /// Length of the valid prefix, in bytes.
        valid_up_to: usize,
    },
    /// An NDJSON line is not JSON.
    MalformedJson {
        /// 1-based column of the problem.
        column: usize,
        /// The JSON parser's explanation.
        message: String,
    },
    /// An NDJSON line is JSON but not an object.
    NotAnObject,
    /// An NDJSON document has no `text` field.
    MissingText,
    /// A field has the wrong JSON type.
    FieldType {
        /// The field.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
    },
    /// A date is not a valid `YYYY-MM-DD` date.
    BadDate {
        /// The value as written.
        value: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidUtf8 { valid_up_to } => write!(f, "invalid UTF-8 at column {}", valid_up_to + 1),
            ErrorKind::MalformedJson { column, message } => write!(f, "malformed JSON at column {column}: {message}"),
            ErrorKind::NotAnObject => write!(f, "expected a JSON object {{\"text\": ...}}"),
            ErrorKind::MissingText => write!(f, "missing \"text\" field"),
            ErrorKind::FieldType { field, expected } => write!(f, "\"{field}\" must be {expected}"),
            ErrorKind::BadDate { value } => write!(f, "{value:?} is not a YYYY-MM-DD date"),
        }
    }
}

impl std::error::Error for Error {}

/// A `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Parses a reference date written `YYYY-MM-DD`.
///
/// # Errors
///
/// [`ErrorKind::BadDate`] when `s` is not a valid date in that form ("2022-11-31" included).
pub fn parse_reference_date(s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::new(ErrorKind::BadDate { value: s.to_string() }))
}
