//! Helpers for the working buffers the pipeline keeps from item to item: results are gathered
//! in a reused buffer, then handed out in vectors of their exact size (one allocation each, not
//! one every time a growing vector fills up, and no spare capacity left in the records).

/// Moves `buf`'s contents into a new vector of their exact size, leaving `buf` empty with its
/// capacity kept for the next use.
pub(crate) fn take_exact<T>(buf: &mut Vec<T>) -> Vec<T> {
    let mut exact = Vec::with_capacity(buf.len());
    exact.append(buf);
    exact
}

/// Puts mentions gathered as `(record index, mention)`, in order, into each record's mention
/// vector (`vec_of`), each allocated once at its final size: `counts[i]` is record `i`'s number
/// of mentions.
pub(crate) fn fill_exact<R, M>(
    records: &mut [R],
    counts: &[usize],
    mentions: impl IntoIterator<Item = (usize, M)>,
    vec_of: impl Fn(&mut R) -> &mut Vec<M>,
) {
    for (r, &n) in records.iter_mut().zip(counts) {
        vec_of(r).reserve_exact(n);
    }
    for (i, m) in mentions {
        if let Some(r) = records.get_mut(i) {
            vec_of(r).push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_exact_moves_everything_and_keeps_the_buffer() {
        let mut buf: Vec<String> = Vec::with_capacity(64);
        buf.extend(["a", "b", "c"].map(String::from));
        let out = take_exact(&mut buf);
        assert_eq!(out, ["a", "b", "c"]);
        assert_eq!(out.capacity(), 3);
        assert!(buf.is_empty() && buf.capacity() >= 64);
        assert!(take_exact(&mut buf).capacity() == 0);
    }

    #[test]
    fn fill_exact_gives_each_record_its_mentions_in_order_at_their_exact_size() {
        let mut records: Vec<(char, Vec<u32>)> = vec![('a', Vec::new()), ('b', Vec::new()), ('c', Vec::new())];
        let mentions = [(0, 1), (2, 2), (0, 3), (0, 4), (2, 5)];
        fill_exact(&mut records, &[3, 0, 2], mentions, |r| &mut r.1);
        assert_eq!(records, [('a', vec![1, 3, 4]), ('b', vec![]), ('c', vec![2, 5])]);
        assert_eq!(records.iter().map(|r| r.1.capacity()).collect::<Vec<_>>(), [3, 0, 2]);
    }
}
