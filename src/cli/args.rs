//! The arguments as given, made into the form clap reads: `briefing PATH
//! figures` means `briefing -L PATH figures`.

use std::ffi::OsString;
use std::path::Path;

use clap::CommandFactory;

use super::Cli;

/// `args` with the paths written before a command moved behind `-L`, when
/// a command name (that is no file or folder here) follows them.
pub fn paths_before_command(args: Vec<OsString>) -> Vec<OsString> {
    let cmd = Cli::command();
    let commands: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let valued: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.get_action().takes_values() && !a.is_positional())
        .flat_map(|a| {
            let long = a.get_long().map(|l| format!("--{l}"));
            let short = a.get_short().map(|s| format!("-{s}"));
            long.into_iter().chain(short)
        })
        .collect();
    let text = |a: &OsString| a.to_str().map(str::to_owned);
    let mut positional = Vec::new();
    let mut skip = false;
    let mut at = None;
    for (i, a) in args.iter().enumerate().skip(1) {
        let Some(s) = text(a) else {
            positional.push(i);
            continue;
        };
        if skip {
            skip = false;
        } else if s == "--" {
            return args;
        } else if s.starts_with('-') {
            skip = valued.contains(&s);
        } else if commands.contains(&s) && !Path::new(&s).exists() {
            at = Some(i);
            break;
        } else {
            positional.push(i);
        }
    }
    if at.is_none() || positional.is_empty() {
        return args;
    }
    let mut out = Vec::with_capacity(args.len() + positional.len());
    for (i, a) in args.into_iter().enumerate() {
        if positional.contains(&i) {
            out.push(OsString::from("-L"));
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::paths_before_command;
    use std::ffi::OsString;

    fn args(s: &str) -> Vec<OsString> {
        s.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn paths_before_a_command_become_libraries() {
        assert_eq!(
            paths_before_command(args("briefing /tmp/b figures --csv")),
            args("briefing -L /tmp/b figures --csv")
        );
        assert_eq!(
            paths_before_command(args("briefing --theme light a b list")),
            args("briefing --theme light -L a -L b list")
        );
        for same in ["briefing a b", "briefing list", "briefing -L a figures x"] {
            assert_eq!(paths_before_command(args(same)), args(same));
        }
    }
}
