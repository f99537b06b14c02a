//! The command line: argument parsing and the non-interactive commands.

mod args;
mod check;
mod cite;
mod conflicts;
mod extract;
pub mod figures;
mod glossary;
mod list;
mod manual;
mod new;
mod out;
mod read;
mod show;
mod themes;
mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::library::Library;
pub use out::Out;

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "A fast terminal reader for curated policy briefs",
    long_about = "A fast terminal reader for curated policy briefs.\n\nWith no PATH, opens the embedded library; with files or folders, reads those instead."
)]
pub struct Cli {
    /// Brief files or folders to read instead of the embedded library
    pub paths: Vec<PathBuf>,
    /// Read briefs from this file or folder (repeatable)
    #[arg(short = 'L', long = "library", global = true, value_name = "PATH")]
    pub library: Vec<PathBuf>,
    /// Theme name or path to a theme file
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Config file instead of the default location
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// When to use colour (`NO_COLOR` set counts as never)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Start at the top, ignoring (and not saving) the saved reading place
    #[arg(long, global = true)]
    pub fresh: bool,
    /// Folder of the briefs' source texts: Enter on a figure in the panel
    /// shows the passage its value comes from
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    Text,
    Markdown,
    Json,
}

impl From<CiteFormat> for crate::cite::Format {
    fn from(f: CiteFormat) -> Self {
        match f {
            CiteFormat::Text => Self::Text,
            CiteFormat::Markdown => Self::Markdown,
            CiteFormat::Json => Self::Json,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the reader at TARGET (brief-id or brief-id#section)
    Read {
        target: Option<String>,
        /// Folder of the briefs' source texts, for the source passage
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// List the briefs of the library
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Print a brief or one of its sections (styled on a terminal)
    Show {
        /// brief-id or brief-id#section
        target: String,
        /// Wrap at this many columns (default: the terminal's width, or 80)
        #[arg(long)]
        width: Option<usize>,
    },
    /// Look up figures (all of them without a QUERY)
    Figures {
        /// Words to match; `#tag` and `@brief` filter
        query: Vec<String>,
        /// Print JSON
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV
        #[arg(long)]
        csv: bool,
        /// Say why each figure ranked: which words matched which fields,
        /// which glossary terms applied
        #[arg(long, conflicts_with = "csv")]
        explain: bool,
    },
    /// The glossary: every term, or one, with its expansion, definition
    /// and the places the briefs mention it
    Glossary {
        /// A term, alias or synonym (all terms without one)
        term: Vec<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Print a figure with its citation, ready for a memo
    Cite {
        /// A figure id (`brief-id#figure-id` when several briefs use it), or
        /// words to look up (cited only when exactly one figure answers them
        /// clearly; otherwise the candidates are listed and it exits 1)
        #[arg(required = true)]
        what: Vec<String>,
        /// With words: cite the best-ranked figure even when it is not the
        /// one clear answer
        #[arg(long)]
        first: bool,
        /// How to write it (default: the config's `citation`, else text)
        #[arg(long, value_enum)]
        format: Option<CiteFormat>,
        /// Folder of source texts: add the line where the value stands
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Where the briefs disagree: one measure with different values, one
    /// event key with different dates
    Conflicts {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// The dated events of every brief, in order
    Timeline {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// List the themes: built-in ones and those in the config folder
    Themes,
    /// Validate briefs; exit 1 on any error
    Check {
        /// Files or folders to check (default: the library)
        paths: Vec<PathBuf>,
        /// Folder of source texts to trace every figure's value to
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
        /// With --sources, say where each figure was found
        #[arg(short, long)]
        verbose: bool,
    },
    /// Print a shell's completion script (see the README for where it goes)
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man folder
    Man,
    /// The statistics (and dated sentences) of a report, as JSON; or its
    /// clean text. Plain text, Markdown, HTML or PDF, told by content
    Extract {
        /// The report: a .txt, .md, .html or .pdf file
        source: PathBuf,
        /// Print JSON: every statistic candidate and dated sentence (the default)
        #[arg(long, conflicts_with = "text")]
        json: bool,
        /// Print the clean text: a paragraph a line, headings on their own
        #[arg(long)]
        text: bool,
    },
    /// Write a draft brief from a report: DIR/ID.md and its clean text,
    /// DIR/sources/ID.txt
    New {
        /// The report: a .txt, .md, .html or .pdf file
        source: PathBuf,
        /// The brief's id (default: from the file name)
        #[arg(long)]
        id: Option<String>,
        /// Folder to write into
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Replace files that exist
        #[arg(long)]
        force: bool,
    },
}

impl Cli {
    /// The files and folders named on the command line (`-L` first); none
    /// means the embedded library.
    pub fn library_paths(&self) -> Vec<PathBuf> {
        self.library.iter().chain(&self.paths).cloned().collect()
    }

    /// The library the command reads: `-L` paths, positional paths, or the
    /// embedded library.
    pub fn load_library(&self, extra: &[PathBuf]) -> Library {
        let mut paths: Vec<PathBuf> = extra.to_vec();
        if paths.is_empty() {
            paths = self.library_paths();
        }
        if paths.is_empty() {
            Library::embedded()
        } else {
            Library::from_paths(&paths)
        }
    }
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse_from(args::paths_before_command(std::env::args_os().collect()));
    let color = out::use_color(cli.color);
    let result = match &cli.command {
        Some(Command::List { json }) => list::run(&cli, *json),
        Some(Command::Show { target, width }) => show::run(&cli, target, *width, color),
        Some(Command::Figures {
            query,
            json,
            csv,
            explain,
        }) => figures::run(&cli, &query.join(" "), *json, *csv, *explain),
        Some(Command::Glossary { term, json }) => glossary::run(&cli, &term.join(" "), *json),
        Some(Command::Timeline { json }) => timeline::run(&cli, *json),
        Some(Command::Conflicts { json }) => conflicts::run(&cli, *json),
        Some(Command::Cite {
            what,
            format,
            sources,
            first,
        }) => cite_command(&cli, what, *format, sources.as_deref(), *first),
        Some(Command::Check {
            paths,
            sources,
            verbose,
        }) => check::run(&cli, paths, sources.as_deref(), *verbose),
        Some(Command::Read { target, .. }) => read::run(&cli, target.as_deref()),
        Some(Command::Themes) => themes::run(&cli),
        Some(Command::Completions { shell }) => manual::completions(*shell),
        Some(Command::Man) => manual::man(),
        Some(Command::Extract { source, text, .. }) => extract::run(source, *text),
        Some(Command::New {
            source,
            id,
            dir,
            force,
        }) => new::run(source, id.as_deref(), dir, *force),
        None => read::run(&cli, None),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("briefing: {}", crate::sanitize::line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// `cite`, with the config's citation style and sources folder as defaults.
fn cite_command(
    cli: &Cli,
    what: &[String],
    format: Option<CiteFormat>,
    sources: Option<&std::path::Path>,
    first: bool,
) -> std::io::Result<ExitCode> {
    let config =
        match crate::config::Config::load(cli.config.as_deref(), &crate::config::Dirs::xdg()) {
            Ok(c) => c,
            Err(e) => {
                for line in e.lines() {
                    eprintln!("briefing: {}", crate::sanitize::line(line));
                }
                return Ok(ExitCode::from(2));
            }
        };
    let sources = sources
        .map(std::path::Path::to_path_buf)
        .or(config.sources.clone());
    cite::run(
        cli,
        &what.join(" "),
        cite::Ask {
            format: format.map(Into::into),
            sources: sources.as_deref(),
            config: config.citation,
            first,
        },
    )
}

/// Prints the library's load diagnostics to stderr (for commands that read it).
fn report_load_problems(lib: &Library) {
    crate::diag::print_all(&lib.diagnostics);
}
