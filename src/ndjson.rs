//! Reading NDJSON input documents: `{"id": "...", "text": "...", "reference_date": "YYYY-MM-DD"}`
//! one a line (`id` and `reference_date` optional). Needs the `ndjson` feature (on with `cli`).

use chrono::NaiveDate;
use serde_json::Value;

use crate::error::{parse_reference_date, Error, ErrorKind, Result};

/// One input document of an NDJSON archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDocument {
    /// The document's id (a JSON number is kept as its text).
    pub id: Option<String>,
    /// The bulletin text.
    pub text: String,
    /// The day the bulletin was issued, anchoring year-less dates.
    pub reference_date: Option<NaiveDate>,
}

impl InputDocument {
    /// Parses one NDJSON line (without its line break).
    ///
    /// # Errors
    ///
    /// An [`Error`] naming the problem: invalid UTF-8, malformed JSON (with the column), not
    /// an object, a missing `text`, a field of the wrong type, or a bad `reference_date`.
    ///
    /// # Example
    ///
    /// ```
    /// use bulletin_events::ndjson::InputDocument;
    ///
    /// let doc = InputDocument::from_json_line(br#"{"id": 7, "text": "GENEVA, 3 March 2023 - ..."}"#)?;
    /// assert_eq!(doc.id.as_deref(), Some("7"));
    /// let err = InputDocument::from_json_line(br#"{"id": "x"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "missing \"text\" field");
    /// # Ok::<(), bulletin_events::Error>(())
    /// ```
    pub fn from_json_line(line: &[u8]) -> Result<InputDocument> {
        let line = std::str::from_utf8(line)
            .map_err(|e| Error::new(ErrorKind::InvalidUtf8 { valid_up_to: e.valid_up_to() }))?;
        let value: Value = serde_json::from_str(line)
            .map_err(|e| Error::new(ErrorKind::MalformedJson { column: e.column(), message: e.to_string() }))?;
        let Value::Object(mut obj) = value else { return Err(Error::new(ErrorKind::NotAnObject)) };
        let text = match obj.remove("text") {
            Some(Value::String(s)) => s,
            Some(_) => return Err(Error::new(ErrorKind::FieldType { field: "text", expected: "a string" })),
            None => return Err(Error::new(ErrorKind::MissingText)),
        };
        let id = match obj.remove("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err(Error::new(ErrorKind::FieldType { field: "id", expected: "a string or a number" })),
        };
        let reference_date = match obj.get("reference_date") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(parse_reference_date(s)?),
            Some(_) => {
                return Err(Error::new(ErrorKind::FieldType {
                    field: "reference_date",
                    expected: "a \"YYYY-MM-DD\" string",
                }))
            }
        };
        Ok(InputDocument { id, text, reference_date })
    }
}
