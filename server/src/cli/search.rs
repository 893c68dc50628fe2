//! `passerelle search`: full-text search of a build's postings with filters.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{DocumentIndex, RomeCode, SearchQuery, TerritoryId};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Build folder made by `passerelle build`.
    #[arg(long, env = "PASSERELLE_DATA", default_value = "data/build")]
    data: PathBuf,
    /// Words to look for (plain words: no query syntax).
    #[arg(long, default_value = "")]
    q: String,
    #[arg(long)]
    territory: Option<TerritoryId>,
    #[arg(long, value_parser = parse_rome)]
    rome: Option<RomeCode>,
    /// Earliest creation date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Latest creation date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 10)]
    limit: usize,
}

fn parse_rome(text: &str) -> Result<RomeCode, String> {
    RomeCode::parse(text).map_err(|e| e.to_string())
}

pub fn run(args: SearchArgs) -> Result<()> {
    let current = passerelle_engine::BuildFolder::existing(&args.data)
        .and_then(|f| f.current_dir())
        .with_context(|| format!("cannot open the build folder {}", args.data.display()))?;
    let Some(folder) = current.map(|dir| dir.join("index")).filter(|f| f.is_dir()) else {
        anyhow::bail!(
            "no index in {}: run passerelle build first",
            args.data.display()
        );
    };
    let index = DocumentIndex::open_or_create(&folder)
        .with_context(|| format!("cannot open {}", folder.display()))?;
    let results = index.search(&SearchQuery {
        text: args.q,
        territory: args.territory,
        rome: args.rome,
        kind: None,
        skill: None,
        from: args.from,
        to: args.to,
        limit: args.limit,
    })?;
    let mut out = std::io::stdout().lock();
    passerelle_server::json::to_writer_pretty(&mut out, &results).map_err(std::io::Error::from)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    Ok(())
}
