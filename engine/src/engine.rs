//! The `Engine` facade: loads a taxonomy and its métier référentiel once, then answers
//! extraction calls. The server and the command line use nothing else.

use std::path::PathBuf;
use std::sync::Arc;

use tracing::info;

use crate::corpus;
use crate::extract::{AdaptParams, ExtractParams, Extraction, Extractor, LearnParams};
use crate::model::{JobPosting, Training};
use crate::needs::{self, NeedsBuild, NeedsModel, NeedsParams};
use crate::taxonomy::{Taxonomy, TaxonomySpec};
use crate::territory::Geography;
use crate::{Error, Result};

/// What to load.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// The skill vocabulary to extract.
    pub taxonomy: TaxonomySpec,
    /// A ROME 4.0 export folder used to classify occupations when the taxonomy is not
    /// ROME itself; without it, the built-in digital métiers are used.
    pub rome: Option<PathBuf>,
    pub extract: ExtractParams,
}

impl EngineConfig {
    /// The embedded lexicon and its digital métiers.
    pub fn builtin() -> EngineConfig {
        EngineConfig {
            taxonomy: TaxonomySpec::Builtin,
            rome: None,
            extract: ExtractParams::default(),
        }
    }
}

/// The loaded engine; share it behind an `Arc` between threads.
#[derive(Debug, Clone)]
pub struct Engine {
    extractor: Extractor,
}

impl Engine {
    /// Loads the taxonomy and the référentiel named by `config`.
    pub fn open(config: &EngineConfig) -> Result<Engine> {
        let lexicon = corpus::builtin_lexicon()?;
        let (taxonomy, rome): (Arc<Taxonomy>, Option<Arc<Taxonomy>>) = match &config.taxonomy {
            TaxonomySpec::Builtin => {
                let lexicon = Arc::new(lexicon);
                let rome = match config.rome.as_deref() {
                    Some(dir) => Arc::new(corpus::read_rome(dir)?),
                    None => lexicon.clone(),
                };
                (lexicon, Some(rome))
            }
            TaxonomySpec::Rome(dir) => {
                check_folder(dir)?;
                let mut rome = corpus::read_rome(dir)?;
                let enriched = rome.absorb_synonyms(&lexicon);
                info!(target: "engine", enriched, "rome items enriched with lexicon variants");
                let rome = Arc::new(rome);
                (rome.clone(), Some(rome))
            }
            TaxonomySpec::Esco(dir) => {
                check_folder(dir)?;
                let mut esco = corpus::read_esco(dir)?;
                esco.absorb_synonyms(&lexicon);
                let rome = config.rome.as_deref().map(corpus::read_rome).transpose()?;
                (Arc::new(esco), rome.map(Arc::new))
            }
        };
        let extractor = Extractor::new(taxonomy, rome, config.extract);
        info!(
            target: "engine",
            taxonomy = %extractor.taxonomy().describe(),
            patterns = extractor.pattern_count(),
            "engine ready"
        );
        Ok(Engine { extractor })
    }

    /// Extracts skills and occupations from a title (may be empty) and a text.
    pub fn extract(&self, title: &str, text: &str) -> Extraction {
        self.extractor.extract(title, text)
    }

    /// The loaded skill taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        self.extractor.taxonomy()
    }

    /// Builds the observatory's needs model from postings; `previous` keeps cluster
    /// identities and gives growth.
    pub fn build_needs(
        &self,
        geography: &Geography,
        postings: &[JobPosting],
        trainings: &[Training],
        params: &NeedsParams,
        previous: Option<&NeedsModel>,
        built_at: &str,
    ) -> Result<NeedsBuild> {
        let input = needs::BuildInput {
            geography,
            postings,
            trainings,
            previous,
            built_at,
        };
        needs::build(&self.extractor, input, params)
    }

    /// This engine, having learned from labelled offers (their `romeCode` and ticked
    /// `competences[]`) how recruiters title each métier and which of its skills they
    /// ask for; an error without a métier référentiel to learn into.
    pub fn learn<'a>(
        &self,
        postings: impl IntoIterator<Item = &'a JobPosting>,
        params: LearnParams,
    ) -> Result<Engine> {
        let learned = self.extractor.learn(postings, params).ok_or_else(|| {
            Error::invalid("learn", "no métier référentiel is loaded to learn into")
        })?;
        info!(
            target: "engine",
            offers = learned.report().offers,
            titled = learned.report().titled,
            with_skills = learned.report().with_skills,
            occupations = learned.report().occupations,
            "learned from labelled offers"
        );
        Ok(Engine {
            extractor: self.extractor.with_learned(learned),
        })
    }

    /// This engine adapted to an unlabelled batch of postings (see
    /// [`Extractor::adapt`]); the same engine when the batch is too small, no métier
    /// référentiel is loaded, or it already learned from labelled offers.
    pub fn adapt(&self, postings: &[JobPosting], params: AdaptParams) -> Engine {
        match self.extractor.adapt(postings, params) {
            Some(learned) => {
                info!(
                    target: "engine",
                    postings = postings.len(),
                    pseudo_labelled = learned.report().titled,
                    occupations = learned.report().occupations,
                    "adapted to the batch"
                );
                Engine {
                    extractor: self.extractor.with_learned(learned),
                }
            }
            None => self.clone(),
        }
    }

    /// An engine around an extractor already compiled (a ranker's, say).
    pub fn from_extractor(extractor: Extractor) -> Engine {
        Engine { extractor }
    }

    /// The compiled extractor.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }
}

fn check_folder(dir: &std::path::Path) -> Result<()> {
    if dir.is_dir() {
        Ok(())
    } else {
        Err(Error::invalid(
            "taxonomy",
            format!("{} is not a folder", dir.display()),
        ))
    }
}
