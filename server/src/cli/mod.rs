//! One module per command of the `passerelle` binary.

pub mod build;
pub mod eval;
pub mod extract;
pub mod needs;
pub mod search;
pub mod serve;

use anyhow::{Context, Result};
use passerelle_engine::{Engine, EngineConfig};

use crate::ReferentialArgs;

/// Loads the engine a command needs.
pub fn open_engine(referential: &ReferentialArgs) -> Result<Engine> {
    let config = EngineConfig {
        taxonomy: referential.taxonomy.clone(),
        rome: referential.rome.clone(),
        ..EngineConfig::builtin()
    };
    Engine::open(&config).context("cannot load the taxonomy")
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
pub fn progress(length: u64, message: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(length);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({per_sec}, {eta})")
            .expect("valid template"),
    );
    bar.set_message(message.to_string());
    bar
}
