//! `passerelle extract`: JSON lines in, one JSON line of skills and occupations out.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{Extraction, JobPosting, parse_line};
use rayon::prelude::*;
use serde::Serialize;

use crate::{AdaptArgs, ReferentialArgs};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    referential: ReferentialArgs,
    /// Input file of JSON lines, or `-` for standard input.
    #[arg(long, default_value = "-")]
    input: PathBuf,
    /// Drop skills scored below this.
    #[arg(long, default_value_t = 0.0)]
    min_score: f32,
    /// Occupations written per line.
    #[arg(long, default_value_t = 5)]
    occupations: usize,
    #[command(flatten)]
    adapt: AdaptArgs,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a str,
    #[serde(flatten)]
    extraction: Extraction,
}

/// The outcome of one input line: the posting and its extraction, or why it was rejected.
type LineResult<'a> = Result<(&'a JobPosting, Extraction), &'a String>;

/// Lines are extracted in parallel by chunks and written in input order.
const CHUNK: usize = 512;

pub fn run(args: ExtractArgs) -> Result<()> {
    let engine = super::open_engine(&args.referential)?;
    let from_stdin = args.input.as_os_str() == "-";
    let bytes = if from_stdin {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        bytes
    } else {
        std::fs::read(&args.input)
            .with_context(|| format!("cannot read {}", args.input.display()))?
    };
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
        .filter(|(_, l)| !l.trim_ascii().is_empty())
        .collect();
    // Parse every line first: the batch adapts the engine before any line is answered.
    let parsed: Vec<(usize, Result<JobPosting, String>)> = lines
        .par_iter()
        .map(|(line, raw)| (*line, parse_line(raw).map_err(|(_, reason)| reason)))
        .collect();
    let postings: Vec<JobPosting> = parsed
        .iter()
        .filter_map(|(_, p)| p.as_ref().ok().cloned())
        .collect();
    let engine = super::adapt(engine, &postings, args.adapt);
    drop(postings);
    let bar = super::progress(lines.len() as u64, "extract");
    if from_stdin {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut accepted, mut rejected) = (0usize, 0usize);
    for chunk in parsed.chunks(CHUNK) {
        let results: Vec<(usize, LineResult)> = chunk
            .par_iter()
            .map(|(line, parsed)| {
                let result = parsed.as_ref().map(|posting| {
                    let mut extraction = engine.extract(&posting.title, &posting.description);
                    extraction.skills.retain(|m| m.score >= args.min_score);
                    extraction.occupations.truncate(args.occupations);
                    (posting, extraction)
                });
                (*line, result)
            })
            .collect();
        for (line, result) in results {
            match result {
                Ok((posting, extraction)) => {
                    accepted += 1;
                    let output = Output {
                        id: &posting.id,
                        extraction,
                    };
                    passerelle_server::json::to_writer(&mut out, &output)?;
                    out.write_all(b"\n")?;
                }
                Err(reason) => {
                    rejected += 1;
                    bar.suspend(|| eprintln!("line {line}: {reason}"));
                }
            }
        }
        bar.inc(chunk.len() as u64);
    }
    out.flush()?;
    bar.finish_and_clear();
    eprintln!(
        "{}: {} read, {accepted} extracted, {rejected} rejected",
        args.input.display(),
        lines.len()
    );
    Ok(())
}
