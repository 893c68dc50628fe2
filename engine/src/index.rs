//! The full-text index of postings and trainings (tantivy), analysed with the French
//! analyzer of `text`; the only module that names tantivy fields.
//!
//! A document is upserted by id: indexing an offer seen before replaces it, so a batch
//! added twice is not counted twice. Searches take the user's words through the same
//! analyzer (never through a query syntax, so nothing in `q` can inject operators),
//! filter by territory (a facet `/fr/<région>/<département>` and the bassin), ROME
//! code, kind and date range, and return highlighted snippets.

use std::path::Path;

use rustc_hash::FxHashSet;
use serde::Serialize;
use std::hash::BuildHasher;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::model::{RomeCode, SkillId, Training};
use crate::territory::{Geography, Placement, TerritoryId, TerritoryLevel};
use crate::text::{self, TANTIVY_ANALYZER};
use crate::{Error, Result};

/// Memory the index writer may use, whatever the number of documents: its threads
/// (one per core, at most eight) share it, and each writes its part of the index out
/// as a segment when its share is full, so a million postings are indexed in this
/// much memory, in a handful of segments.
const WRITER_MEMORY: usize = 400_000_000;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Posting,
    Training,
}

impl DocumentKind {
    fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Posting => "posting",
            DocumentKind::Training => "training",
        }
    }
}

/// A document to index.
#[derive(Debug, Clone)]
pub struct IndexDocument {
    pub id: String,
    pub kind: DocumentKind,
    pub title: String,
    pub text: String,
    /// Skill ids extracted from the text.
    pub skills: Vec<String>,
    pub rome: Option<RomeCode>,
    pub placement: Option<Placement>,
    /// ISO date (`2025-11-13` or a full timestamp).
    pub created: Option<String>,
    pub contract: Option<String>,
}

impl IndexDocument {
    /// A training, placed by its location; its text is the curriculum.
    pub fn from_training(training: &Training, geography: &Geography) -> IndexDocument {
        IndexDocument {
            id: training.id.clone(),
            kind: DocumentKind::Training,
            title: training.title.clone(),
            text: training.curriculum_text(),
            skills: Vec::new(),
            rome: training.rome.first().copied(),
            placement: geography.place(&training.location.as_location()).ok(),
            created: training.sessions.first().map(|s| s.start.clone()),
            contract: None,
        }
    }
}

/// A search request; every filter optional.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words looked for in titles and texts, analysed as the index is; empty finds all.
    pub text: String,
    /// Only documents placed in this territory.
    pub territory: Option<TerritoryId>,
    /// Only documents of this ROME métier.
    pub rome: Option<RomeCode>,
    /// Only postings, or only trainings.
    pub kind: Option<DocumentKind>,
    /// Only documents in which this skill was extracted.
    pub skill: Option<SkillId>,
    /// Only documents created on or after this ISO date.
    pub from: Option<String>,
    /// Only documents created on or before this ISO date.
    pub to: Option<String>,
    /// Most hits returned (1 to 1,000).
    pub limit: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// The posting's or training's id.
    pub id: String,
    /// `posting` or `training`.
    pub kind: String,
    pub title: String,
    /// BM25 relevance; hits of equal score come in id order.
    pub score: f32,
    /// The ROME métier of a posting, when known.
    pub rome: Option<String>,
    /// The INSEE code of the commune, when placed in one.
    pub commune: Option<String>,
    /// When the posting was created, as its source wrote it.
    pub created: Option<String>,
    /// An excerpt of the text with the matched words in `<b>…</b>`.
    pub snippet: String,
}

/// Results and the total number of matching documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    title: Field,
    text: Field,
    skills: Field,
    rome: Field,
    territory: Field,
    bassin: Field,
    commune: Field,
    created: Field,
    created_day: Field,
    contract: Field,
}

impl Fields {
    /// The tantivy document of `document`.
    fn document(&self, document: &IndexDocument) -> TantivyDocument {
        let f = self;
        let mut tantivy_document = TantivyDocument::new();
        tantivy_document.add_text(f.id, &document.id);
        tantivy_document.add_text(f.kind, document.kind.as_str());
        tantivy_document.add_text(f.title, &document.title);
        tantivy_document.add_text(f.text, &document.text);
        for skill in &document.skills {
            tantivy_document.add_text(f.skills, skill);
        }
        if let Some(rome) = &document.rome {
            tantivy_document.add_text(f.rome, rome.as_str());
        }
        if let Some(placement) = &document.placement {
            let mut path = format!("/fr/{}", placement.region);
            if let Some(departement) = &placement.departement {
                path.push('/');
                path.push_str(departement);
            }
            tantivy_document.add_facet(f.territory, Facet::from(path.as_str()));
            if let Some(bassin) = &placement.bassin {
                tantivy_document.add_text(f.bassin, bassin);
            }
            if let Some(commune) = &placement.commune {
                tantivy_document.add_text(f.commune, commune.as_str());
            }
        }
        if let Some(created) = &document.created {
            tantivy_document.add_text(f.created, created);
            if let Some(day) = day_number(created) {
                tantivy_document.add_u64(f.created_day, day);
            }
        }
        if let Some(contract) = &document.contract {
            tantivy_document.add_text(f.contract, contract);
        }
        tantivy_document
    }
}

/// The schema of a new index. Title and text record term frequencies, not positions:
/// searches are term queries (never phrases) and snippets analyse the stored text
/// again. Skills, bassin and contract are searched, never shown, so not stored.
fn schema() -> Schema {
    schema_of(SCHEMA_LAYOUT)
}

/// The layout of the schema new indexes are written with.
const SCHEMA_LAYOUT: u32 = 2;

/// The schema of a layout: the first kept positions and stored the searched-only
/// fields (skills, bassin, contract); an index keeps the schema it was written with.
fn schema_of(layout: u32) -> Schema {
    let first = layout < 2;
    let record = if first {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    let searched = if first { STRING | STORED } else { STRING };
    let mut builder = Schema::builder();
    let analysed = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TANTIVY_ANALYZER)
                .set_index_option(record),
        )
        .set_stored();
    builder.add_text_field("id", STRING | STORED);
    builder.add_text_field("kind", STRING | STORED);
    builder.add_text_field("title", analysed.clone());
    builder.add_text_field("text", analysed);
    builder.add_text_field("skills", searched.clone());
    builder.add_text_field("rome", STRING | STORED);
    builder.add_facet_field("territory", FacetOptions::default());
    builder.add_text_field("bassin", searched.clone());
    builder.add_text_field("commune", STRING | STORED);
    builder.add_text_field("created", STORED);
    builder.add_u64_field("created_day", INDEXED | FAST);
    builder.add_text_field("contract", searched);
    builder.build()
}

/// The fields of an index's schema, found by name: an index written by an earlier
/// version (positions recorded, every field stored) is read with its own schema.
fn fields_of(schema: &Schema) -> Result<Fields> {
    let field = |name: &str| {
        schema
            .get_field(name)
            .map_err(|_| Error::invalid("index", format!("the index has no field {name}")))
    };
    Ok(Fields {
        id: field("id")?,
        kind: field("kind")?,
        title: field("title")?,
        text: field("text")?,
        skills: field("skills")?,
        rome: field("rome")?,
        territory: field("territory")?,
        bassin: field("bassin")?,
        commune: field("commune")?,
        created: field("created")?,
        created_day: field("created_day")?,
        contract: field("contract")?,
    })
}

/// The index of postings and trainings. A writer exists only while documents are
/// written: an index only searched (a served version) holds no writer, no writer
/// threads and no lock on its folder.
pub struct DocumentIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl std::fmt::Debug for DocumentIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentIndex").finish_non_exhaustive()
    }
}

/// `2025-11-13T22:47:20Z` → 20251113.
fn day_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().take(10).filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// A search bound: a real calendar date written `YYYY-MM-DD`, as its day number.
fn query_day(field: &str, date: &str) -> Result<u64> {
    let invalid = || {
        Error::input(
            field,
            crate::error::Invalid::Date {
                value: date.to_string(),
            },
        )
    };
    let parsed: jiff::civil::Date = date.trim().parse().map_err(|_| invalid())?;
    if date.trim().len() != 10 {
        return Err(invalid());
    }
    day_number(&parsed.to_string()).ok_or_else(invalid)
}

impl DocumentIndex {
    /// An index held in memory (tests, one-off searches).
    pub fn in_memory() -> Result<DocumentIndex> {
        DocumentIndex::from_index(Index::create_in_ram(schema()))
    }

    /// Opens the index in `folder` with the schema it was written with, creating it
    /// when absent.
    pub fn open_or_create(folder: &Path) -> Result<DocumentIndex> {
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        let directory = tantivy::directory::MmapDirectory::open(folder)
            .map_err(|e| Error::invalid("index", format!("{}: {e}", folder.display())))?;
        let exists = Index::exists(&directory)
            .map_err(|e| Error::invalid("index", format!("{}: {e}", folder.display())))?;
        let index = if exists {
            Index::open(directory)?
        } else {
            Index::create(directory, schema(), tantivy::IndexSettings::default())?
        };
        DocumentIndex::from_index(index)
    }

    fn from_index(index: Index) -> Result<DocumentIndex> {
        let fields = fields_of(&index.schema())?;
        index
            .tokenizers()
            .register(TANTIVY_ANALYZER, text::tantivy_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(DocumentIndex {
            index,
            reader,
            fields,
        })
    }

    /// Adds or replaces documents (by id) and commits.
    pub fn upsert(&mut self, documents: &[IndexDocument]) -> Result<()> {
        self.upsert_all(documents)
    }

    /// Adds or replaces documents (by id), taken one at a time from `documents`,
    /// commits, and returns once the writer has stopped: nothing writes to the index's
    /// folder after this call (a build publishes its version folder after it). A build
    /// streams its documents through here, and the writer holds at most its memory
    /// budget whatever their number. An id already in the index, or met earlier in
    /// `documents`, replaces the document indexed under it.
    pub fn upsert_all<D: std::borrow::Borrow<IndexDocument>>(
        &mut self,
        documents: impl IntoIterator<Item = D>,
    ) -> Result<()> {
        let f = self.fields;
        let mut writer: IndexWriter = self.index.writer(WRITER_MEMORY)?;
        // The index is written by one call: its segments (one per flush of a writer
        // thread's memory) are large enough to be searched as they are, and merging
        // them would only read and write the index again.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        // A fresh index has no document to replace: deleting by id is needed only for
        // ids seen before in this call (their 64-bit hashes are remembered; a collision
        // only costs a delete that finds nothing).
        let was_empty = self.is_empty();
        let mut seen: FxHashSet<u64> = FxHashSet::default();
        let write = || -> tantivy::Result<()> {
            for document in documents {
                let document = document.borrow();
                let fresh = seen.insert(rustc_hash::FxBuildHasher.hash_one(document.id.as_str()));
                if !was_empty || !fresh {
                    writer.delete_term(Term::from_field_text(f.id, &document.id));
                }
                writer.add_document(f.document(document))?;
            }
            writer.commit()?;
            Ok(())
        };
        let written = write();
        // Failed or not, the writer's threads are waited for: a caller that removes the
        // folder after an error (a full disk) must find nobody still writing in it.
        let stopped = writer.wait_merging_threads();
        written?;
        stopped?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of documents searchable.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of segments searched (each a part of the index written by one flush or
    /// merge).
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Full-text search with filters; an empty text lists the filtered documents.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        let f = self.fields;
        let mut text_clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut terms: Vec<String> = text::content_terms(&query.text);
        terms.sort();
        terms.dedup();
        for term in terms.iter().take(32) {
            for (field, boost) in [(f.title, 2.0), (f.text, 1.0)] {
                let term_query = TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                );
                text_clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(term_query), boost)),
                ));
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !text_clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(text_clauses))));
        }
        let exact = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(territory) = &query.territory {
            let filter: Box<dyn Query> = match territory.level {
                TerritoryLevel::Region => Box::new(TermQuery::new(
                    Term::from_facet(
                        f.territory,
                        &Facet::from(format!("/fr/{}", territory.code).as_str()),
                    ),
                    IndexRecordOption::Basic,
                )),
                TerritoryLevel::Departement => {
                    // The département sits under its région in the facet path; match it
                    // whatever the région by its own term in any région.
                    let regions = self.regions_of(&territory.code)?;
                    let options: Vec<(Occur, Box<dyn Query>)> = regions
                        .into_iter()
                        .map(|facet| {
                            (
                                Occur::Should,
                                Box::new(TermQuery::new(
                                    Term::from_facet(f.territory, &facet),
                                    IndexRecordOption::Basic,
                                )) as Box<dyn Query>,
                            )
                        })
                        .collect();
                    Box::new(BooleanQuery::new(options))
                }
                TerritoryLevel::Bassin => exact(f.bassin, &territory.code),
            };
            clauses.push((Occur::Must, filter));
        }
        if let Some(rome) = &query.rome {
            clauses.push((Occur::Must, exact(f.rome, rome.as_str())));
        }
        if let Some(kind) = query.kind {
            clauses.push((Occur::Must, exact(f.kind, kind.as_str())));
        }
        if let Some(skill) = &query.skill {
            clauses.push((Occur::Must, exact(f.skills, skill.as_str())));
        }
        let from = query
            .from
            .as_deref()
            .map(|d| query_day("from", d))
            .transpose()?;
        let to = query
            .to
            .as_deref()
            .map(|d| query_day("to", d))
            .transpose()?;
        if from.is_some() || to.is_some() {
            let bound = |day: Option<u64>| match day {
                Some(day) => std::ops::Bound::Included(Term::from_field_u64(f.created_day, day)),
                None => std::ops::Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(from), bound(to))),
            ));
        }
        if clauses.is_empty() {
            clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        }
        let query_object = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let limit = query.limit.clamp(1, 1000);
        let (top, total) = searcher.search(
            &query_object,
            &(TopDocs::with_limit(limit).order_by_score(), Count),
        )?;
        let snippets = SnippetGenerator::create(&searcher, &query_object, f.text).ok();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let document: TantivyDocument = searcher.doc(address)?;
            let text = |field: Field| -> Option<String> {
                document
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let snippet = snippets.as_ref().map(|generator| {
                let mut snippet = generator.snippet_from_doc(&document);
                snippet.set_snippet_prefix_postfix("<b>", "</b>");
                snippet.to_html()
            });
            hits.push(SearchHit {
                id: text(f.id).unwrap_or_default(),
                kind: text(f.kind).unwrap_or_default(),
                title: text(f.title).unwrap_or_default(),
                score,
                rome: text(f.rome),
                commune: text(f.commune),
                created: text(f.created),
                snippet: snippet.unwrap_or_default(),
            });
        }
        // Equal scores come in the order documents reached segments, which a writer with
        // several threads does not fix: the id decides.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        Ok(SearchResults { total, hits })
    }

    /// Facet paths `/fr/<région>/<code>` of a département code, found in the index.
    fn regions_of(&self, departement: &str) -> Result<Vec<Facet>> {
        let searcher = self.reader.searcher();
        let mut collector = tantivy::collector::FacetCollector::for_field("territory");
        collector.add_facet("/fr");
        let counts = searcher.search(&tantivy::query::AllQuery, &collector)?;
        let regions: Vec<Facet> = counts.get("/fr").map(|(facet, _)| facet.clone()).collect();
        let mut out = Vec::new();
        for region in regions {
            let path = format!("{}/{}", region, departement);
            out.push(Facet::from(path.as_str()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InseeCode;
    use crate::territory::Resolution;

    fn document(
        id: &str,
        title: &str,
        text: &str,
        region: &str,
        departement: &str,
        day: &str,
    ) -> IndexDocument {
        IndexDocument {
            id: id.into(),
            kind: DocumentKind::Posting,
            title: title.into(),
            text: text.into(),
            skills: vec!["passerelle:java".into()],
            rome: Some(RomeCode::parse("M1805").unwrap()),
            placement: Some(Placement {
                commune: Some(InseeCode::parse("69123").unwrap()),
                departement: Some(departement.into()),
                region: region.into(),
                bassin: Some("8457".into()),
                centroid: None,
                resolution: Resolution::Commune,
            }),
            created: Some(day.into()),
            contract: Some("CDI".into()),
        }
    }

    /// Two postings: a web developer's `a` (région 84, 2025-11-13) and a network
    /// technician's `b` (région 11, 2025-10-01).
    fn two_offers() -> [IndexDocument; 2] {
        [
            document(
                "a",
                "Développeuse web",
                "Vous développerez des applications web en Java.",
                "84",
                "69",
                "2025-11-13",
            ),
            document(
                "b",
                "Technicien réseaux",
                "Câblage et réseaux locaux.",
                "11",
                "75",
                "2025-10-01",
            ),
        ]
    }

    #[test]
    fn upsert_replaces_and_search_filters() {
        let mut index = DocumentIndex::in_memory().unwrap();
        index.upsert(&two_offers()).unwrap();
        // The same offer again is replaced, not added.
        index
            .upsert(&[document(
                "a",
                "Développeuse web",
                "Applications web en Java et SQL.",
                "84",
                "69",
                "2025-11-14",
            )])
            .unwrap();
        assert_eq!(index.len(), 2);
        let search = |query: SearchQuery| index.search(&query).unwrap();
        let results = search(SearchQuery {
            text: "développeurs Java".into(),
            limit: 10,
            ..Default::default()
        });
        assert_eq!(results.total, 1);
        assert_eq!(results.hits[0].id, "a");
        assert!(
            results.hits[0].snippet.contains("<b>Java</b>"),
            "{:?}",
            results.hits[0].snippet
        );
        let region = |code: &str| SearchQuery {
            territory: Some(format!("region:{code}").parse().unwrap()),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(search(region("11")).hits[0].id, "b");
        assert_eq!(search(region("84")).total, 1);
        let departement = SearchQuery {
            territory: Some("departement:75".parse().unwrap()),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(search(departement).hits[0].id, "b");
        let dated = SearchQuery {
            from: Some("2025-11-01".into()),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(search(dated).hits[0].id, "a");
        // Query syntax is not interpreted: operators are plain words or ignored.
        let injected = search(SearchQuery {
            text: "title:* OR id:b AND réseaux^100 (".into(),
            limit: 10,
            ..Default::default()
        });
        assert!(injected.hits.iter().all(|h| h.id == "b"), "{injected:?}");
    }

    fn scratch(name: &str) -> std::path::PathBuf {
        let folder =
            std::env::temp_dir().join(format!("passerelle-index-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    fn hits(index: &DocumentIndex, text: &str) -> Vec<(String, String)> {
        let results = index
            .search(&SearchQuery {
                text: text.into(),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        results
            .hits
            .into_iter()
            .map(|h| (h.id, h.snippet))
            .collect()
    }

    #[test]
    fn an_index_of_the_first_schema_is_read_and_searched_alike() {
        let mut documents = two_offers();
        documents[1].text = "Câblage et réseaux locaux, un peu de Java.".into();
        let old = scratch("first-schema");
        Index::create_in_dir(&old, schema_of(1)).unwrap();
        let mut index = DocumentIndex::open_or_create(&old).unwrap();
        index.upsert(&documents).unwrap();
        drop(index);
        let old_index = DocumentIndex::open_or_create(&old).unwrap();
        assert_eq!(old_index.index.schema(), schema_of(1), "its own schema");
        let new = scratch("new-schema");
        let mut new_index = DocumentIndex::open_or_create(&new).unwrap();
        new_index.upsert(&documents).unwrap();
        assert_eq!(new_index.index.schema(), schema());
        for text in ["java", "réseaux", "développeur web"] {
            let found = hits(&old_index, text);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(found, hits(&new_index, text), "{text}");
        }
        drop(new_index);
        std::fs::remove_dir_all(&old).unwrap();
        std::fs::remove_dir_all(&new).unwrap();
    }

    #[test]
    fn a_streamed_batch_replaces_an_id_it_repeats() {
        let mut index = DocumentIndex::in_memory().unwrap();
        let first = document("a", "Soudeur", "Soudure TIG.", "84", "69", "2025-11-13");
        let second = document("a", "Soudeur", "Soudure MIG.", "84", "69", "2025-11-14");
        let other = document("b", "Cariste", "CACES R489.", "84", "69", "2025-11-14");
        index.upsert_all([first, other, second]).unwrap();
        assert_eq!(index.len(), 2);
        assert!(hits(&index, "TIG").is_empty());
        assert_eq!(hits(&index, "MIG")[0].0, "a");
        // Into an index that holds documents, every id replaces its older version.
        index
            .upsert_all([document(
                "b",
                "Cariste",
                "CACES R485.",
                "84",
                "69",
                "2025-11-15",
            )])
            .unwrap();
        assert_eq!(index.len(), 2);
        assert!(hits(&index, "R489").is_empty());
        assert_eq!(hits(&index, "R485")[0].0, "b");
    }

    #[test]
    fn no_writer_outlives_an_upsert() {
        let folder = scratch("writer");
        let mut first = DocumentIndex::open_or_create(&folder).unwrap();
        first
            .upsert(&[document(
                "a",
                "Soudeur",
                "Soudure TIG.",
                "84",
                "69",
                "2025-11-13",
            )])
            .unwrap();
        // The first handle holds no writer lock: a second one writes while it is open.
        let mut second = DocumentIndex::open_or_create(&folder).unwrap();
        second
            .upsert(&[document("b", "Cariste", "CACES.", "84", "69", "2025-11-13")])
            .unwrap();
        assert_eq!(second.len(), 2);
        drop((first, second));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
