//! Multi-word matching of every surface form of a taxonomy over analysed text,
//! leftmost-longest, with a trie of the forms' term ids.
//!
//! Texts and surface forms are analysed by `text::analyze`; stop words are transparent
//! ("gestion de projet" matches "gestion des projets") and clause breaks stop a match.
//! Each content term is mapped to an id; a text becomes the ids of its content terms
//! (unknown terms and clause breaks have ids no form holds), and the trie is walked from
//! each position: the longest form starting at the leftmost position wins, and the
//! search goes on after it, as a leftmost-longest Aho-Corasick automaton would report.
//! Over term ids rather than bytes, a step is one array read at the root and a search in
//! a node's few children below it.

use std::collections::HashMap;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::taxonomy::Taxonomy;
use crate::text::{self, NO_TERM, Token, TokenKind, Vocabulary};

/// Id of a content term the automaton does not know.
const UNKNOWN: u32 = 0;
/// Id of a clause break.
const BREAK: u32 = 1;

/// One skill a pattern stands for.
#[derive(Debug, Clone)]
struct Candidate {
    skill: u32,
    /// For case-sensitive forms, the exact surface of each token.
    exact: Option<Vec<String>>,
    /// True when the form is the skill's preferred label.
    preferred: bool,
    /// True when the form counts only in context ([`crate::taxonomy::Surface`]).
    contextual: bool,
}

/// A match of a surface form in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawMatch {
    pub skill: u32,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// Index of the first and one past the last token of the match.
    pub first_token: usize,
    pub end_token: usize,
    pub preferred: bool,
    /// Number of content tokens matched.
    pub length: usize,
    /// The form counts only when the text around it says what it is.
    pub contextual: bool,
}

/// No node: the slot of a root term id no form starts with.
const NO_NODE: u32 = u32::MAX;
/// No form ends at a node.
const NO_PATTERN: u32 = u32::MAX;

/// A node of the trie: its children are `edges[first..first + count]`, sorted by term id.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    count: u32,
    /// The form (index in `patterns`) whose last term leads here, or [`NO_PATTERN`].
    pattern: u32,
}

/// The compiled trie of a taxonomy's surface forms.
#[derive(Debug, Clone)]
pub struct SkillMatcher {
    /// Content terms, inline up to 24 bytes: a lookup reads no second allocation.
    vocabulary: Vocabulary,
    /// By term id, the node a form starting with that term reaches, or [`NO_NODE`].
    roots: Vec<u32>,
    nodes: Vec<Node>,
    /// Children of every node, as (term id, node), each node's run sorted by term id.
    edges: Vec<(u32, u32)>,
    patterns: Vec<Vec<Candidate>>,
}

impl SkillMatcher {
    /// Compiles every surface of every skill of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> SkillMatcher {
        let mut vocabulary: FxHashMap<CompactString, u32> = FxHashMap::default();
        let mut by_pattern: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut id_patterns: Vec<Vec<u32>> = Vec::new();
        let mut patterns: Vec<Vec<Candidate>> = Vec::new();
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            for (position, surface) in skill.surfaces.iter().enumerate() {
                let analysed = text::analyze(&surface.text);
                let words = analysed
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .count();
                let tokens: Vec<Token> = analysed.into_iter().filter(Token::is_content).collect();
                // A form that stop words reduce to one word ("sécurité SI" → "sécurité",
                // "SI" being French "if") would match far beyond its meaning.
                if tokens.is_empty() || (words >= 2 && tokens.len() == 1) {
                    continue;
                }
                let ids: Vec<u32> = tokens
                    .iter()
                    .map(|token| {
                        let next = vocabulary.len() as u32 + 2;
                        *vocabulary.entry(token.term.clone()).or_insert(next)
                    })
                    .collect();
                let exact = surface.case_sensitive.then(|| {
                    tokens
                        .iter()
                        .map(|t| surface.text[t.start..t.end].to_string())
                        .collect()
                });
                let candidate = Candidate {
                    skill: index as u32,
                    exact,
                    preferred: position == 0,
                    contextual: surface.contextual,
                };
                let slot = *by_pattern.entry(ids.clone()).or_insert_with(|| {
                    id_patterns.push(ids);
                    patterns.push(Vec::new());
                    patterns.len() - 1
                });
                let list = &mut patterns[slot];
                match list
                    .iter_mut()
                    .find(|c| c.skill == candidate.skill && c.exact == candidate.exact)
                {
                    // A form that counts by itself under one spelling counts under all.
                    Some(existing) => existing.contextual &= candidate.contextual,
                    None => list.push(candidate),
                }
            }
        }
        // Case-sensitive candidates are tried first: "Go" the language before "go".
        for list in &mut patterns {
            list.sort_by_key(|c| c.exact.is_none());
        }
        // The trie: node 0 is the root; each form's terms lead from it to the node
        // where the form ends (forms are distinct, so one form ends at a node at most).
        let mut children: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut ends: Vec<u32> = vec![NO_PATTERN];
        for (pattern, ids) in id_patterns.iter().enumerate() {
            let mut node = 0u32;
            for &id in ids {
                node = *children.entry((node, id)).or_insert_with(|| {
                    ends.push(NO_PATTERN);
                    (ends.len() - 1) as u32
                });
            }
            ends[node as usize] = pattern as u32;
        }
        let mut links: Vec<(u32, u32, u32)> = children
            .into_iter()
            .map(|((parent, id), child)| (parent, id, child))
            .collect();
        links.sort_unstable();
        let mut nodes: Vec<Node> = ends
            .iter()
            .map(|&pattern| Node {
                first: 0,
                count: 0,
                pattern,
            })
            .collect();
        let mut roots = vec![NO_NODE; vocabulary.len() + 2];
        let vocabulary = Vocabulary::new(vocabulary);
        for (at, &(parent, id, child)) in links.iter().enumerate() {
            let node = &mut nodes[parent as usize];
            if node.count == 0 {
                node.first = at as u32;
            }
            node.count += 1;
            if parent == 0 {
                roots[id as usize] = child;
            }
        }
        let edges = links
            .into_iter()
            .map(|(_, id, child)| (id, child))
            .collect();
        SkillMatcher {
            vocabulary,
            roots,
            nodes,
            edges,
            patterns,
        }
    }

    /// The longest form starting at `ids[start]`: the index of its last term and the
    /// form, if any.
    fn longest_at(&self, ids: &[u32], start: usize) -> Option<(usize, u32)> {
        let mut node = *self.roots.get(ids[start] as usize)?;
        let mut best = None;
        let mut at = start;
        while node != NO_NODE {
            let Node {
                first,
                count,
                pattern,
            } = self.nodes[node as usize];
            if pattern != NO_PATTERN {
                best = Some((at, pattern));
            }
            at += 1;
            let Some(&next) = ids.get(at) else { break };
            let edges = &self.edges[first as usize..(first + count) as usize];
            node = match edges.binary_search_by_key(&next, |&(id, _)| id) {
                Ok(found) => edges[found].1,
                Err(_) => NO_NODE,
            };
        }
        best
    }

    /// Number of distinct surface patterns compiled.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The terms the forms are made of, as [`text::analyze_with_ids`] takes them.
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Finds every occurrence of every surface form in an analysed text.
    #[cfg(test)]
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<RawMatch> {
        let ids: Vec<u32> = (tokens.iter())
            .map(|token| match token.is_content() {
                true => self.vocabulary.id(&token.term),
                false => NO_TERM,
            })
            .collect();
        self.find_with_ids(text, tokens, &ids)
    }

    /// [`SkillMatcher::find`] on a text analysed with this matcher's term ids.
    pub(crate) fn find_with_ids(
        &self,
        text: &str,
        tokens: &[Token],
        term_ids: &[u32],
    ) -> Vec<RawMatch> {
        let mut ids = Vec::with_capacity(tokens.len());
        // Position in `ids` → index in `tokens`.
        let mut positions: Vec<usize> = Vec::with_capacity(tokens.len());
        for (index, (token, &id)) in tokens.iter().zip(term_ids).enumerate() {
            let id = match token.kind {
                TokenKind::Break(_) => BREAK,
                TokenKind::Word if token.stop => continue,
                TokenKind::Word if id == NO_TERM => UNKNOWN,
                TokenKind::Word => id,
            };
            ids.push(id);
            positions.push(index);
        }
        let mut matches = Vec::new();
        let mut first = 0;
        while first < ids.len() {
            let Some((last, pattern)) = self.longest_at(&ids, first) else {
                first += 1;
                continue;
            };
            let (first_token, last_token) = (positions[first], positions[last]);
            let candidates = &self.patterns[pattern as usize];
            let chosen = candidates.iter().find(|c| match &c.exact {
                None => true,
                Some(exact) => positions[first..=last]
                    .iter()
                    .zip(exact)
                    .all(|(&t, surface)| &text[tokens[t].start..tokens[t].end] == surface),
            });
            if let Some(candidate) = chosen {
                matches.push(RawMatch {
                    skill: candidate.skill,
                    start: tokens[first_token].start,
                    end: tokens[last_token].end,
                    first_token,
                    end_token: last_token + 1,
                    preferred: candidate.preferred,
                    length: last - first + 1,
                    contextual: candidate.contextual,
                });
            }
            // A form whose spelling the text does not keep still takes its terms.
            first = last + 1;
        }
        matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SkillId;
    use crate::taxonomy::{Skill, SkillKind, Surface};

    fn taxonomy() -> Taxonomy {
        let mut taxonomy = Taxonomy::new("test", "1");
        let entries: &[(&str, &[(&str, bool)])] = &[
            ("java", &[("Java", false)]),
            ("javascript", &[("JavaScript", false), ("JS", false)]),
            ("go", &[("Go", true), ("Golang", false)]),
            ("gestion-projet", &[("Gestion de projet", false)]),
            ("projet", &[("Projet agile", false)]),
            ("cpp", &[("C++", false)]),
            ("c", &[("C", true)]),
            ("power-bi", &[("Power BI", false)]),
            (
                "equipe",
                &[("Travail en équipe", false), ("esprit d'équipe", false)],
            ),
        ];
        for (slug, surfaces) in entries {
            taxonomy
                .add_skill(Skill {
                    id: SkillId::passerelle(slug),
                    label: surfaces[0].0.to_string(),
                    kind: SkillKind::Knowledge,
                    family: None,
                    surfaces: surfaces
                        .iter()
                        .map(|(text, case_sensitive)| Surface {
                            text: text.to_string(),
                            case_sensitive: *case_sensitive,
                            contextual: false,
                        })
                        .collect(),
                    links: vec![],
                    related: vec![],
                })
                .unwrap();
        }
        taxonomy
    }

    /// Renders every match as `surface=slug`.
    fn check(input: &str, expect: &[&str]) {
        let taxonomy = taxonomy();
        let matcher = SkillMatcher::new(&taxonomy);
        let tokens = text::analyze(input);
        let found: Vec<String> = matcher
            .find(input, &tokens)
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    &input[m.start..m.end],
                    taxonomy.skill_at(m.skill).id.local()
                )
            })
            .collect();
        assert_eq!(found, expect, "input: {input:?}");
    }

    #[test]
    fn every_occurrence_with_its_span() {
        check(
            "Java, JavaScript et java",
            &["Java=java", "JavaScript=javascript", "java=java"],
        );
        check("JS/Java", &["JS=javascript", "Java=java"]);
    }

    #[test]
    fn forms_that_stop_words_reduce_to_one_word_are_skipped() {
        let mut taxonomy = taxonomy();
        taxonomy
            .add_skill(Skill {
                id: SkillId::passerelle("cyber"),
                label: "Cybersécurité".into(),
                kind: SkillKind::Knowledge,
                family: None,
                surfaces: vec![
                    Surface {
                        text: "Cybersécurité".into(),
                        case_sensitive: false,
                        contextual: false,
                    },
                    Surface {
                        text: "sécurité SI".into(),
                        case_sensitive: false,
                        contextual: false,
                    },
                ],
                links: vec![],
                related: vec![],
            })
            .unwrap();
        let matcher = SkillMatcher::new(&taxonomy);
        let text = "Respect des règles de sécurité. Cybersécurité.";
        let found = matcher.find(text, &text::analyze(text));
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Cybersécurité");
    }

    #[test]
    fn stop_words_plurals_and_accents_are_transparent() {
        check(
            "Gestion des projets",
            &["Gestion des projets=gestion-projet"],
        );
        check(
            "gestion de projet agile",
            &["gestion de projet=gestion-projet"],
        );
        check("le travail en equipe", &["travail en equipe=equipe"]);
        check("Esprit d’équipe", &["Esprit d’équipe=equipe"]);
    }

    #[test]
    fn longest_match_first() {
        check("Projet agile", &["Projet agile=projet"]);
        check("C++ et C", &["C++=cpp", "C=c"]);
    }

    #[test]
    fn case_sensitive_forms() {
        check(
            "Go et Golang",
            &["Go=go", "Golang=golang"]
                .map(|s| s.replace("=golang", "=go"))
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        check("on y go", &[]);
        check("c'est", &[]);
    }

    #[test]
    fn clause_breaks_stop_multi_word_matches() {
        check("Power BI", &["Power BI=power-bi"]);
        check("Power. BI", &[]);
        check("gestion, projet", &[]);
    }
}
