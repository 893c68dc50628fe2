//! Agreement of the needs clusters with the métiers recruiters coded their offers with
//! (`romeCode`): normalised mutual information and adjusted Rand index, over all
//! clustered offers and over the digital ones (ROME domain M18).

use std::collections::HashSet;

use serde::Serialize;

use crate::Result;
use crate::cluster::{ClusterParams, agreement};
use crate::engine::Engine;
use crate::model::JobPosting;
use crate::needs::NeedsParams;
use crate::territory::Geography;

/// Agreement of cluster labels with ROME codes over one set of offers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterAgreement {
    /// Clustered offers that carry a ROME code.
    pub postings: usize,
    /// Distinct ROME codes among them.
    pub rome_codes: usize,
    /// Normalised mutual information (arithmetic mean normalisation).
    pub nmi: f64,
    /// Adjusted Rand index.
    pub ari: f64,
}

/// What `eval clusters` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClustersReport {
    /// Offers read.
    pub postings: usize,
    /// Offers with skills, the ones the build clusters from.
    pub clustered: usize,
    /// Clusters found.
    pub k: usize,
    /// Silhouette of the chosen k on the build's sample.
    pub silhouette_sample: Option<f32>,
    pub all: ClusterAgreement,
    pub digital_m18: ClusterAgreement,
}

/// Builds the needs of `postings` as the observatory does (k by silhouette unless `k`
/// is given) and measures the clusters against the offers' ROME codes.
pub fn evaluate_clusters(
    engine: &Engine,
    geography: &Geography,
    postings: &[JobPosting],
    k: Option<usize>,
) -> Result<ClustersReport> {
    let params = NeedsParams {
        clusters: ClusterParams {
            k,
            ..ClusterParams::default()
        },
        ..NeedsParams::default()
    };
    let build = engine.build_needs(geography, postings, &[], &params, None, "eval")?;
    let measure = |digital_only: bool| {
        let (clusters, codes): (Vec<&str>, Vec<String>) = postings
            .iter()
            .zip(&build.postings)
            .filter_map(|(p, a)| Some((a.cluster.as_deref()?, p.rome?)))
            .filter(|(_, code)| !digital_only || code.domain() == "M18")
            .map(|(c, code)| (c, code.to_string()))
            .unzip();
        let (nmi, ari) = agreement(&clusters, &codes);
        let distinct: HashSet<&String> = codes.iter().collect();
        ClusterAgreement {
            postings: clusters.len(),
            rome_codes: distinct.len(),
            nmi,
            ari,
        }
    };
    let k = build.model.clusters.len();
    let silhouette_sample = build
        .model
        .k_selection
        .iter()
        .find(|(chosen, _)| *chosen == k)
        .map(|(_, s)| *s);
    Ok(ClustersReport {
        postings: postings.len(),
        clustered: build.model.counts.with_skills,
        k,
        silhouette_sample,
        all: measure(false),
        digital_m18: measure(true),
    })
}
