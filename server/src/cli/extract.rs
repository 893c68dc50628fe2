//! `passerelle extract`: JSON lines in, one JSON line of skills and occupations out;
//! streamed by chunks unless the batch adapts the engine first (each line bounded, binary
//! input refused at once).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use passerelle_engine::{Engine, Extraction, JobPosting, Line, Lines, MAX_TEXT_BYTES, parse_line};
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

/// A numbered input line, parsed or rejected with its reason.
type Parsed = (usize, Result<JobPosting, String>);

/// Lines are extracted in parallel by chunks and written in input order.
const CHUNK: usize = 512;

pub fn run(args: ExtractArgs) -> Result<()> {
    let engine = super::open_engine(&args.referential)?;
    let from_stdin = args.input.as_os_str() == "-";
    let reader: Box<dyn BufRead> = if from_stdin {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(&args.input)
            .with_context(|| format!("cannot read {}", args.input.display()))?;
        Box::new(BufReader::new(file))
    };
    let mut lines = Lines::new(reader, MAX_TEXT_BYTES, &args.input);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut counts = Counts::default();
    let adapting = !args.adapt.no_adapt && engine.extractor().learned().is_none();
    if adapting {
        // The batch adapts the engine before any line is answered: read it whole (each
        // line bounded), then answer by chunks.
        let mut parsed = Vec::new();
        while let Some(chunk) = next_chunk(&mut lines, usize::MAX)? {
            parsed.extend(chunk);
        }
        let postings: Vec<JobPosting> = parsed
            .iter()
            .filter_map(|(_, p)| p.as_ref().ok().cloned())
            .collect();
        let engine = super::adapt(engine, &postings, args.adapt);
        drop(postings);
        let bar = super::progress(parsed.len() as u64, "extract");
        if from_stdin {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        for chunk in parsed.chunks(CHUNK) {
            answer(&engine, &args, chunk, &mut out, &mut counts, &bar)?;
        }
        bar.finish_and_clear();
    } else {
        // Streamed: a chunk is answered and written before the next is read.
        let bar = indicatif::ProgressBar::hidden();
        while let Some(chunk) = next_chunk(&mut lines, CHUNK)? {
            answer(&engine, &args, &chunk, &mut out, &mut counts, &bar)?;
            out.flush()?;
        }
    }
    out.flush()?;
    eprintln!(
        "{}: {} read, {} extracted, {} rejected",
        args.input.display(),
        counts.read,
        counts.accepted,
        counts.rejected
    );
    if counts.read > 0 && counts.accepted == 0 {
        bail!("every line of {} was rejected", args.input.display());
    }
    Ok(())
}

#[derive(Debug, Default)]
struct Counts {
    read: usize,
    accepted: usize,
    rejected: usize,
}

/// Up to `size` non-blank lines, parsed in parallel; `None` at the end of the input.
fn next_chunk<R: BufRead>(lines: &mut Lines<R>, size: usize) -> Result<Option<Vec<Parsed>>> {
    let mut raw = Vec::new();
    while raw.len() < size {
        let Some((number, line)) = lines.next_line()? else {
            break;
        };
        match line {
            Line::Text(text) if text.trim_ascii().is_empty() => {}
            Line::Text(text) => raw.push((number, Ok(text))),
            Line::TooLong(length) => raw.push((
                number,
                Err(format!(
                    "line of {length} bytes, over the limit of {MAX_TEXT_BYTES} bytes: skipped"
                )),
            )),
        }
    }
    if raw.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        raw.into_par_iter()
            .map(|(number, text)| {
                let parsed = text.and_then(|t| parse_line(&t).map_err(|(_, reason)| reason));
                (number, parsed)
            })
            .collect(),
    ))
}

/// Extracts a chunk in parallel and writes its answers in input order.
fn answer(
    engine: &Engine,
    args: &ExtractArgs,
    chunk: &[Parsed],
    out: &mut impl Write,
    counts: &mut Counts,
    bar: &indicatif::ProgressBar,
) -> Result<()> {
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
        counts.read += 1;
        match result {
            Ok((posting, extraction)) => {
                counts.accepted += 1;
                let output = Output {
                    id: &posting.id,
                    extraction,
                };
                passerelle_server::json::to_writer(&mut *out, &output)?;
                out.write_all(b"\n")?;
            }
            Err(reason) => {
                counts.rejected += 1;
                bar.suspend(|| eprintln!("line {line}: {reason}"));
            }
        }
    }
    bar.inc(chunk.len() as u64);
    Ok(())
}
