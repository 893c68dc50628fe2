//! The index documents of a build: its postings with what the build found in them,
//! then its trainings.

use crate::index::{DocumentKind, IndexDocument};
use crate::model::{JobPosting, Training};
use crate::territory::Geography;

use super::PostingAnalysis;

impl IndexDocument {
    /// A posting with what the build found in it.
    pub fn from_posting(posting: &JobPosting, analysis: &PostingAnalysis) -> IndexDocument {
        IndexDocument {
            id: posting.id.clone(),
            kind: DocumentKind::Posting,
            title: posting.title.clone(),
            text: posting.description.clone(),
            skills: analysis.skills.iter().map(ToString::to_string).collect(),
            rome: posting.rome.or(analysis.occupation),
            placement: analysis.placement.clone().ok(),
            created: posting.created.clone(),
            contract: posting.contract.clone(),
        }
    }

    /// Every document of a build: its postings (`analyses` in the same order, as the
    /// build returns them) followed by the trainings.
    pub fn of_build(
        postings: &[JobPosting],
        analyses: &[PostingAnalysis],
        trainings: &[Training],
        geography: &Geography,
    ) -> Vec<IndexDocument> {
        IndexDocument::stream_build(postings, analyses, trainings, geography).collect()
    }

    /// The documents of [`IndexDocument::of_build`] made one at a time, as the index
    /// writer takes them: only one posting's copy of its text exists at once.
    pub fn stream_build<'a>(
        postings: &'a [JobPosting],
        analyses: &'a [PostingAnalysis],
        trainings: &'a [Training],
        geography: &'a Geography,
    ) -> impl Iterator<Item = IndexDocument> + 'a {
        postings
            .iter()
            .zip(analyses)
            .map(|(posting, analysis)| IndexDocument::from_posting(posting, analysis))
            .chain(
                trainings
                    .iter()
                    .map(|training| IndexDocument::from_training(training, geography)),
            )
    }
}
