//! How the C allocator keeps memory. glibc gives a large block a mapping
//! of its own (returned to the system when freed), and each time such a
//! block is freed it raises the size that counts as large (up to 32 MB)
//! and keeps that much more of the freed heap before giving it back.
//! Opening a long file frees a few large blocks early (the file's text
//! read in pieces), after which the whole's parse and layout came from
//! the heap and stayed there: the 10 MB document's peak was 49.5 MB. With
//! the threshold fixed at glibc's own default it is 47.3 MB, and the first
//! screen is as fast (`cargo bench --bench pty`, docs/PERFORMANCE.md).

/// glibc's default threshold, 128 KB, kept from changing.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Fixes the allocator's thresholds; called first thing, before any
/// thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn keep_thresholds() {
    // SAFETY: `mallopt` only sets the allocator's parameters and takes its
    // lock to do so; it is called before any other thread exists, with a
    // parameter and value glibc documents (and ignores if it ever did not
    // know them: the return value is 0, and nothing else changes).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Other allocators keep their own ways.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_thresholds() {}
