//! Emerging skills: technical-looking terms of recent postings that no skill of the
//! taxonomy covers, counted and ranked by growth.

use super::*;

/// Every folded content term of every surface of the taxonomy.
pub(super) fn known_terms(taxonomy: &Taxonomy) -> HashSet<String> {
    taxonomy
        .skills()
        .iter()
        .flat_map(|s| s.surfaces.iter())
        .flat_map(|surface| text::content_terms(&surface.text))
        .collect()
}

/// Acronyms and words of job postings that look technical but are not skills.
const NOT_EMERGING: &[&str] = &[
    "cdi", "cdd", "cse", "rh", "rtt", "bac", "cap", "bep", "bts", "dut", "but", "vae", "cp", "tpe",
    "pme", "eti", "esn", "ssii", "ca", "h/f", "f/h", "smic", "brut", "ttc", "ht", "sas", "sarl",
    "sa", "ce", "pe", "ft", "qvt", "idf", "btob", "btoc", "b2b", "b2c", "vl", "pl", "spl", "caces",
    "cace", "ssiap", "sst", "epi", "haccp", "rgpd", "kpi", "pdf", "mutuelle",
];

/// Technical-looking words of a text that no skill covers ("LangChain", "GraphQL",
/// "S3", "Next.js"): an inner capital, letters mixed with digits, or technical
/// punctuation, outside every match. Postings without digital skills are skipped:
/// their capitals are names of places, diplomas and contracts.
pub(super) fn unknown_terms(
    text: &str,
    extraction: &crate::extract::Extraction,
    taxonomy: &Taxonomy,
    known: &HashSet<String>,
) -> Vec<String> {
    let digital = extraction
        .skills
        .iter()
        .filter(|m| m.score >= 0.5)
        .filter(|m| {
            taxonomy
                .skill(&m.skill)
                .is_some_and(|s| !s.kind.is_transversal())
        })
        .count();
    if digital < 2 {
        return Vec::new();
    }
    let covered: Vec<(usize, usize)> = extraction
        .skills
        .iter()
        .filter(|m| m.field == crate::extract::Field::Text)
        .filter_map(|m| m.start.zip(m.end))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for token in text::analyze(text) {
        if token.kind != TokenKind::Word || token.stop || token.norm.len() < 2 {
            continue;
        }
        let surface = &text[token.start..token.end];
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 {
            continue;
        }
        let digits = surface.chars().filter(char::is_ascii_digit).count();
        let inner_capital = surface
            .chars()
            .zip(surface.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
        // "confiance.Notre": two sentences glued, not a term.
        let glued = surface
            .chars()
            .zip(surface.chars().skip(1))
            .zip(surface.chars().skip(2))
            .any(|((a, dot), c)| a.is_lowercase() && dot == '.' && c.is_uppercase());
        let punctuated = surface.contains(['.', '+', '#']) && !glued;
        let acronym = letters >= 3
            && surface
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit());
        // "35h", "13eme", "2x8": numbers with a unit are not terms.
        let quantity = surface.chars().next().is_some_and(|c| c.is_ascii_digit());
        let technical = !quantity && (inner_capital || punctuated || digits > 0 || acronym);
        let inside = covered
            .iter()
            .any(|&(s, e)| token.start >= s && token.end <= e);
        let term = token.term.as_str();
        if technical
            && !glued
            && !inside
            && !known.contains(term)
            && !NOT_EMERGING.contains(&token.norm.as_str())
        {
            out.push(term.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

pub(super) fn emerging_terms(
    analysed: &[Analysed],
    postings: &[JobPosting],
    min_postings: usize,
) -> Vec<EmergingTerm> {
    let mut by_term: HashMap<&str, Vec<&str>> = HashMap::new();
    for (analysis, posting) in analysed.iter().zip(postings) {
        for term in &analysis.emerging {
            by_term
                .entry(term.as_str())
                .or_default()
                .push(posting.id.as_str());
        }
    }
    by_term.retain(|_, ids| ids.len() >= min_postings);
    // A candidate that the same postings also write in lowercase is an ordinary word
    // in capitals ("PROFIL"): count, for the candidates only, the postings that do.
    let candidates: HashSet<&str> = by_term.keys().copied().collect();
    let ordinary: HashMap<&str, usize> = analysed
        .par_iter()
        .zip(postings)
        .filter(|(a, _)| !a.emerging.is_empty())
        .map(|(_, posting)| {
            let mut seen: HashSet<&str> = HashSet::new();
            for token in text::analyze(&posting.description) {
                let surface = &posting.description[token.start..token.end];
                if token.kind == TokenKind::Word
                    && surface.chars().all(|c| !c.is_uppercase())
                    && let Some(term) = candidates.get(token.term.as_str())
                {
                    seen.insert(term);
                }
            }
            seen
        })
        .fold(HashMap::new, |mut counts, seen| {
            for term in seen {
                *counts.entry(term).or_insert(0usize) += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (term, n) in b {
                *a.entry(term).or_insert(0) += n;
            }
            a
        });
    let mut terms: Vec<EmergingTerm> = by_term
        .into_iter()
        .filter(|(term, ids)| ordinary.get(term).copied().unwrap_or(0) * 10 < ids.len())
        .map(|(term, ids)| EmergingTerm {
            term: term.to_string(),
            postings: ids.len(),
            examples: ids.iter().take(3).map(|s| s.to_string()).collect(),
        })
        .collect();
    terms.sort_by(|a, b| b.postings.cmp(&a.postings).then(a.term.cmp(&b.term)));
    terms.truncate(100);
    terms
}
