import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Highlight } from '@zhuhe/contracts';
import { CONSTRUCTION_TERMS } from './search.dictionary';

/**
 * Chinese segmentation for the search index (DESIGN: jieba + a construction dictionary → tsvector 'simple').
 * PostgreSQL has no Chinese parser, so the application cuts text into terms and hands PostgreSQL the lexemes
 * themselves (a tsvector/tsquery literal), which is why PGlite and PostgreSQL rank identically.
 */
const jieba = Jieba.withDict(dict);
// A high frequency makes jieba prefer the whole term over its parts.
jieba.loadDict(Buffer.from(CONSTRUCTION_TERMS.map((t) => `${t} 2000000 n`).join('\n')));

const WORD = /[\p{L}\p{N}]/u;
const CJK = /\p{Script=Han}/u;
/** 的, 及, 和 … carry no meaning for search */
const STOP = new Set(['的', '及', '和', '与', '或', '等', '之', '在', '了', '是', '为', '对', '将', '其']);

function normalise(term: string): string {
  return term.normalize('NFKC').toLowerCase().trim();
}

/**
 * The terms of a document: jieba's search mode, which adds the shorter words inside long ones (钢结构厂房 →
 * 钢结构, 厂房, 结构), so a shorter query still finds the whole.
 */
export function documentTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of jieba.cutForSearch(text, true)) {
    const term = normalise(raw);
    if (!term || !WORD.test(term) || STOP.has(term)) continue;
    out.push(term.slice(0, 60));
  }
  return out;
}

/** Space-separated words for pg_trgm: word boundaries let a short or misspelt query match inside a title. */
export function trigramText(text: string): string {
  return [...new Set(documentTerms(text))].join(' ');
}

export interface FuzzyPart {
  /** the chunk as typed, matched by trigram word similarity (typos: 钢结够 → 钢结构, 基坑支户 → 基坑支护) */
  text: string;
  /** jieba's guess at words with HMM on (智造产业园 → 智造, 产业园), matched by full text as an alternative */
  terms: string[];
}

export interface QueryPlan {
  /** dictionary words: all must be present as lexemes (full text, GIN) */
  terms: string[];
  /** chunks with words jieba's dictionary does not know: each must match by full text or by trigrams */
  fuzzy: FuzzyPart[];
}

/**
 * Splits a query without HMM, so that only dictionary words come out as multi-character terms. A chunk of the
 * query (between spaces) that leaves single Chinese characters over holds a word the dictionary does not know —
 * a typo, a partial word (钢结) or a new name (智造): such a chunk matches either by the words HMM finds in it
 * (the index was built with HMM too) or, failing that, by trigram similarity of the whole chunk.
 */
export function planQuery(q: string): QueryPlan {
  const terms: string[] = [];
  const fuzzy: FuzzyPart[] = [];
  for (const chunk of q.slice(0, 200).split(/[\s,，;；、]+/u)) {
    const words = jieba
      .cut(chunk, false)
      .map(normalise)
      .filter((w) => w && WORD.test(w) && !STOP.has(w));
    if (words.length === 0) continue;
    const single = (w: string) => [...w].length === 1 && CJK.test(w);
    if (!words.some(single)) {
      for (const w of words) terms.push(w.slice(0, 60));
      continue;
    }
    const text = normalise(chunk)
      .replace(/[^\p{L}\p{N}]/gu, '')
      .slice(0, 30);
    const guessed = jieba
      .cut(chunk, true)
      .map(normalise)
      .filter((w) => w && WORD.test(w) && !STOP.has(w));
    if (text) fuzzy.push({ text, terms: guessed.some(single) ? [] : guessed.map((w) => w.slice(0, 60)) });
  }
  return { terms: [...new Set(terms)].slice(0, 8), fuzzy: fuzzy.slice(0, 4) };
}

function quoteLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

export type Weight = 'A' | 'B' | 'C' | 'D';

/** A tsvector literal: each term with its position and weight (A title … D body). */
export function tsvectorLiteral(parts: { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const part of parts) {
    for (const term of documentTerms(part.text)) {
      position = Math.min(position + 1, 16383);
      const list = positions.get(term) ?? [];
      // PostgreSQL keeps at most 256 positions per lexeme.
      if (list.length < 256) list.push(`${position}${part.weight}`);
      positions.set(term, list);
    }
  }
  return [...positions.entries()].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}

/** A tsquery literal requiring every term (`&`) or any (`|`), optionally only with the given weight (A: title). */
export function tsqueryLiteral(terms: readonly string[], operator: '&' | '|' = '&', weight?: Weight): string {
  return terms.map((t) => `${quoteLexeme(t)}${weight ? `:${weight}` : ''}`).join(` ${operator} `);
}

/** Marks where the query's terms occur in `text`; fragments are marked by their two-character pieces. */
export function highlight(text: string, plan: QueryPlan): Highlight {
  const needles = [...plan.terms, ...plan.fuzzy.flatMap((f) => f.terms)];
  for (const { text: f } of plan.fuzzy) {
    const chars = [...f];
    if (chars.length === 1) needles.push(f);
    for (let i = 0; i + 1 < chars.length; i++) needles.push(chars[i]! + chars[i + 1]!);
  }
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const needle of needles.filter(Boolean)) {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      for (let i = at; i < at + needle.length; i++) marks[i] = true;
    }
  }
  const out: Highlight = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i]) last.text += text[i];
    else out.push({ text: text[i] as string, hit: marks[i] as boolean });
  }
  return out;
}

/** A window of `text` around its first hit, at most `length` characters. */
export function snippet(text: string, plan: QueryPlan, length = 120): Highlight {
  const lower = text.toLowerCase();
  const firstHit = [...plan.terms, ...plan.fuzzy.map((f) => [...f.text].slice(0, 2).join(''))]
    .map((t) => lower.indexOf(t))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  const start = firstHit === undefined ? 0 : Math.max(0, firstHit - 30);
  const piece = (start > 0 ? '…' : '') + text.slice(start, start + length) + (text.length > start + length ? '…' : '');
  return highlight(piece, plan);
}
