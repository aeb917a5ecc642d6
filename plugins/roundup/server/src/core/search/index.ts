export { anyTermQuery, booleanModeQuery, fts5Query, tsQueryText } from './engine-query';
export { makeSnippet, SNIPPET_LENGTH, type Snippet } from './snippet';
export { hostWords, matchesTerm, searchTerms, stemPrefix, STOPWORDS, wordsOf } from './terms';
