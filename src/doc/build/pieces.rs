//! Where a long body is cut into pieces parsed one at a time.

/// Where to cut `body` into pieces of at least `chunk` bytes: section
/// starts (in file coordinates, the body starting at `base`) whose heading
/// opens a line. None when something in the body may refer across pieces.
pub(super) fn chunk_cuts(body: &str, base: usize, starts: &[usize], chunk: usize) -> Vec<usize> {
    if body.len() <= chunk || !super::cuttable(body) {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut last = 0;
    for rel in starts.iter().filter_map(|s| s.checked_sub(base)) {
        if rel >= last + chunk
            && rel < body.len()
            && body.as_bytes().get(rel.wrapping_sub(1)) == Some(&b'\n')
        {
            cuts.push(rel);
            last = rel;
        }
    }
    cuts
}
