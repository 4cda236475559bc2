/**
 * Text decoding for CSV and DBF: BOM first, then strict UTF-8, then GB18030 (a superset of GBK and
 * GB2312, what Chinese Excel writes as "CSV"), guided by chardet. A user override wins.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ApiError } from '../../api/errors.js';
import type { ImportProblem } from '../../api/schema.js';
import { problem } from './types.js';

export interface Decoded {
  text: string;
  encoding: string;
  problems: ImportProblem[];
}

const CHINESE = /^(GB18030|GBK|GB2312|Big5|EUC-TW)$/i;

export function decodeText(file: string, buf: Buffer, override: 'auto' | 'utf8' | 'gbk' = 'auto'): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.toString('utf8', 3), encoding: 'utf-8', problems: [] };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', problems: [] };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', problems: [] };
  if (override === 'utf8') return { text: buf.toString('utf8'), encoding: 'utf-8', problems: [] };
  if (override === 'gbk') return { text: iconv.decode(buf, 'gb18030'), encoding: 'gbk', problems: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', problems: [] };
  } catch {
    // not UTF-8
  }
  const text = iconv.decode(buf, 'gb18030');
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  if (bad > Math.max(2, text.length / 1000)) {
    throw new ApiError('BAD_ENCODING', `cannot decode ${file}`, { path: file });
  }
  const guess = chardet.detect(buf.subarray(0, 65536));
  const problems = guess && CHINESE.test(guess) ? [] : [problem(null, null, 'unknown_encoding', { encoding: 'GBK' })];
  return { text, encoding: 'gbk', problems };
}
