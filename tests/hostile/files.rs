//! Cases 21–24: odd files and links. FIFOs, symlink loops, symlinks out of
//! the folder, /dev/zero, binary files, invalid UTF-8 and a 200 MB file are
//! each reported by name; links out of the library are refused; the other
//! briefs still open.

use std::os::unix::fs::symlink;
use std::path::Path;

use briefing::model::LinkTarget;
use briefing::parse::classify;

use crate::common::{run, stderr, stdout};

const GOOD: &str = "+++\nid = \"good\"\ntitle = \"Good\"\n+++\n## One\n\nFine.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write");
}

/// A folder with one good brief among every kind of bad file.
fn hostile_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    write(dir, "good.md", GOOD.as_bytes());
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("fifo.md"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    symlink(dir, dir.join("loop")).expect("symlink");
    symlink(dir.join("b.md"), dir.join("a.md")).expect("symlink");
    symlink(dir.join("a.md"), dir.join("b.md")).expect("symlink");
    symlink("/etc/passwd", dir.join("passwd.md")).expect("symlink");
    symlink("/", dir.join("root")).expect("symlink");
    symlink("/dev/zero", dir.join("zero.md")).expect("symlink");
    write(
        dir,
        "binary.md",
        b"\x7fELF\x02\x01\x01\0\0\0\xff\xfe\x00\x10binary\n",
    );
    write(dir, "latin1.md", b"# Caf\xe9\n\nna\xefve\n");
    write(dir, "nul.md", b"# Nul\n\na\0b\0\0c\n");
    let huge = std::fs::File::create(dir.join("huge.md")).expect("create");
    huge.set_len(200 * 1024 * 1024).expect("sparse file");
    std::fs::create_dir(dir.join("sub")).expect("mkdir");
    symlink(dir.join("sub"), dir.join("sub/up")).expect("symlink");
    tmp
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_open() {
    let tmp = hostile_folder();
    let dir = tmp.path().to_str().expect("utf-8 path");
    let o = run(&["check", dir]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for expected in [
        format!("{dir}/a.md: error: cannot resolve path (broken symlink or loop)"),
        format!("{dir}/b.md: error: cannot resolve path (broken symlink or loop)"),
        format!("{dir}/binary.md:1:11: error: invalid UTF-8 (is this a text file?)"),
        format!("{dir}/fifo.md: error: not a regular file"),
        format!("{dir}/huge.md: error: file is 200 MiB, over the 32 MiB limit for a brief"),
        format!("{dir}/latin1.md:1:6: error: invalid UTF-8 (is this a text file?)"),
        format!("{dir}/passwd.md: warning: skipped: symlink points outside the library folder"),
        format!("{dir}/zero.md: warning: skipped: symlink points outside the library folder"),
    ] {
        assert!(
            err.lines().any(|l| l == expected),
            "missing {expected:?} in:\n{err}"
        );
    }
    // Nothing from outside the folder, or the looping folders, was read.
    assert!(!err.contains("/root/"), "{err}");
    assert!(
        err.ends_with("checked 2 briefs: 6 errors, 2 warnings\n"),
        "{err}"
    );
    let o = run(&["-L", dir, "list"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, ["good", "nul"]);
}

#[test]
fn devices_and_huge_files_given_directly_are_refused() {
    for path in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        let o = run(&["check", path]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).starts_with(&format!("{path}: error: not a regular file\n")),
            "{}",
            stderr(&o)
        );
        let o = run(&["-L", path, "list"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let huge = tmp.path().join("huge.md");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(200 * 1024 * 1024).expect("sparse");
    let o = run(&["show", "huge", "-L", huge.to_str().expect("utf-8")]);
    assert!(
        stderr(&o).contains("huge.md: error: file is 200 MiB, over the 32 MiB limit for a brief"),
        "{}",
        stderr(&o)
    );
}

/// Case 21: cross-references resolve under the library folder only.
#[test]
fn links_out_of_the_library_are_refused_and_reported() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::create_dir(dir.join("lib")).expect("mkdir");
    write(dir, "secret.md", b"# Secret\n\nhidden\n");
    write(
        &dir.join("lib"),
        "links.md",
        b"+++\nid = \"links\"\ntitle = \"Links\"\n+++\n## One\n\n\
          [a](../../etc/passwd) [b](file:///etc/passwd) [c](../secret.md) \
          [d](%2e%2e%2fsecret.md) [e](/etc/shadow.md) [f](..%2F..%2Fetc%2Fpasswd.md)\n",
    );
    let lib = dir.join("lib");
    let lib = lib.to_str().expect("utf-8");
    let o = run(&["check", lib]);
    let err = stderr(&o);
    let p = format!("{lib}/links.md:7:");
    for expected in [
        format!(
            "{p}1: warning: link \"../../etc/passwd\" is not a brief (.md) and will not be followed"
        ),
        format!(
            "{p}23: error: link \"file:///etc/passwd\" is refused: only http, https and mailto links are allowed"
        ),
        format!("{p}47: error: link to \"../secret.md\" leaves the library folder and is refused"),
        format!("{p}65: error: link to \"../secret.md\" leaves the library folder and is refused"),
        format!(
            "{p}89: error: link to \"/etc/shadow.md\" leaves the library folder and is refused"
        ),
        format!(
            "{p}109: error: link to \"../../etc/passwd.md\" leaves the library folder and is refused"
        ),
    ] {
        assert!(
            err.lines().any(|l| l == expected),
            "missing {expected:?} in:\n{err}"
        );
    }
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains("hidden"));
}

/// Case 22: only http, https and mailto count as outside links; nothing in
/// the program starts another process to open one but `tui/launch.rs`,
/// which runs the opener and the editor without a shell.
#[test]
fn only_safe_schemes_are_links_and_nothing_is_ever_run() {
    for ok in [
        "http://a.example/",
        "HTTPS://a.example/x",
        "mailto:a@b.example",
    ] {
        assert!(matches!(classify(ok), LinkTarget::External(_)), "{ok}");
    }
    for bad in [
        "man:ls(1)",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ssh://host",
        "data:text/html,x",
        "vbscript:x",
        "x-man-page://ls",
        "ftp://host/x",
    ] {
        assert!(matches!(classify(bad), LinkTarget::Refused(_)), "{bad}");
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.ends_with("src/tui/launch.rs") {
                // The one place that starts a program (the opener, the
                // editor), and never a shell or a program named in text.
                let text = std::fs::read_to_string(&path).expect("source");
                for bad in ["Command::new(\"", "\"-c\"", "/bin/", "open::with"] {
                    assert!(!text.contains(bad), "launch.rs: {bad}");
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source");
                for bad in ["process::Command", "Command::new", "xdg-open", "open::that"] {
                    assert!(
                        !text.contains(bad),
                        "{} runs a program: {bad}",
                        path.display()
                    );
                }
            }
        }
    }
}
