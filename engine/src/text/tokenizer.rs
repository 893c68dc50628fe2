//! The analyzer as a tantivy tokenizer, so that the index finds the terms the extractor
//! finds.

use super::{Token, TokenKind, analyze};

/// Name under which [`FrenchTokenizer`] is registered in a tantivy index.
pub const TANTIVY_ANALYZER: &str = "passerelle_fr";

/// The Passerelle analyzer as a tantivy tokenizer: the tokens the extractor sees,
/// stop words dropped, breaks turned into a position gap so that phrase queries do
/// not match across clauses.
#[derive(Debug, Clone, Default)]
pub struct FrenchTokenizer {
    token: tantivy::tokenizer::Token,
}

/// The token stream of [`FrenchTokenizer`]: the analysed tokens, each copied in turn
/// into the one tantivy token (its text buffer reused, no allocation per token).
#[derive(Debug)]
pub struct FrenchTokenStream<'a> {
    tokens: std::vec::IntoIter<Token>,
    /// Position of the next content word: a break leaves a gap of two.
    position: usize,
    token: &'a mut tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for FrenchTokenizer {
    type TokenStream<'a> = FrenchTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchTokenStream<'a> {
        self.token.reset();
        FrenchTokenStream {
            tokens: analyze(text).into_iter(),
            position: 0,
            token: &mut self.token,
        }
    }
}

impl tantivy::tokenizer::TokenStream for FrenchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for token in self.tokens.by_ref() {
            match token.kind {
                TokenKind::Break(_) => self.position += 2,
                TokenKind::Word if token.stop => {}
                TokenKind::Word => {
                    let out = &mut *self.token;
                    out.offset_from = token.start;
                    out.offset_to = token.end;
                    out.position = self.position;
                    out.position_length = 1;
                    out.text.clear();
                    out.text.push_str(&token.term);
                    self.position += 1;
                    return true;
                }
            }
        }
        false
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.token
    }
}

/// The tantivy text analyzer built on [`FrenchTokenizer`].
pub fn tantivy_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    tantivy::tokenizer::TextAnalyzer::builder(FrenchTokenizer::default()).build()
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
    use tantivy::{Index, TantivyDocument, doc};

    use super::*;

    #[test]
    fn tantivy_tokenizer_drops_stop_words_and_gaps_breaks() {
        use tantivy::tokenizer::{TokenStream, Tokenizer};
        let mut tokenizer = FrenchTokenizer::default();
        let mut stream = tokenizer.token_stream("Le développeur. Des réseaux");
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((t.text.clone(), t.position));
        }
        assert_eq!(
            seen,
            vec![("developpeur".to_string(), 0), ("reseau".to_string(), 3)]
        );
    }

    /// The analyzer registered in a tantivy index finds what the extractor would:
    /// plural and feminine forms, accents, technical tokens.
    #[test]
    fn index_and_extractor_agree() {
        let mut builder = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(TANTIVY_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let title = builder.add_text_field(
            "title",
            TextOptions::default()
                .set_indexing_options(indexing)
                .set_stored(),
        );
        let id = builder.add_u64_field("id", STORED);
        let index = Index::create_in_ram(builder.build());
        index
            .tokenizers()
            .register(TANTIVY_ANALYZER, tantivy_analyzer());
        let mut writer = index.writer(15_000_000).unwrap();
        writer
            .add_document(doc!(id => 1u64, title => "Développeuse web C++ et Node.js"))
            .unwrap();
        writer
            .add_document(doc!(id => 2u64, title => "Technicien réseaux (H/F)"))
            .unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let parser = QueryParser::for_index(&index, vec![title]);
        let hits = |query: &str| -> Vec<u64> {
            let query = parser.parse_query(query).unwrap();
            searcher
                .search(&query, &TopDocs::with_limit(5).order_by_score())
                .unwrap()
                .into_iter()
                .map(|(_, address)| {
                    let document: TantivyDocument = searcher.doc(address).unwrap();
                    document
                        .get_first(id)
                        .and_then(|v| tantivy::schema::Value::as_u64(&v))
                        .unwrap()
                })
                .collect()
        };
        assert_eq!(hits("developpeurs"), vec![1]);
        assert_eq!(hits("\"node.js\""), vec![1]);
        assert_eq!(hits("technicienne"), vec![2]);
        assert_eq!(hits("réseau"), vec![2]);
    }
}
