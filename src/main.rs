use std::process::ExitCode;

fn main() -> ExitCode {
    briefing::heap::keep_thresholds();
    briefing::cli::run()
}
