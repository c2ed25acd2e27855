import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serialiseParameter, type ParameterStyle, type Serialisation } from '../../../lib/openapi/index.ts';

/**
 * The OpenAPI "Style Values" table (3.0.4 / 3.1.1, whose label rows follow RFC 6570), for the
 * parameter `color` holding the string "blue", the array ["blue", "black", "brown"] and the
 * object { R: 100, G: 200, B: 150 }.
 */
const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

function text(style: ParameterStyle, explode: boolean, location: Serialisation['in'], value: unknown): string {
  const out = serialiseParameter({ name: 'color', in: location, style, explode }, value);
  return out.in === 'query' ? out.pairs.join('&') : out.text;
}

const TABLE: Array<[ParameterStyle, boolean, Serialisation['in'], string, string, string]> = [
  ['matrix', false, 'path', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, 'path', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ['label', false, 'path', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, 'path', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['form', false, 'query', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'query', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['simple', false, 'path', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'path', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
];

describe('serialiseParameter', () => {
  for (const [style, explode, location, forString, forArray, forObject] of TABLE) {
    it(`${style}${explode ? ' explode' : ''}: ${forString} | ${forArray} | ${forObject}`, () => {
      assert.equal(text(style, explode, location, string), forString);
      assert.equal(text(style, explode, location, array), forArray);
      assert.equal(text(style, explode, location, object), forObject);
    });
  }

  it('spaceDelimited, pipeDelimited and deepObject queries', () => {
    assert.equal(text('spaceDelimited', false, 'query', array), 'color=blue%20black%20brown');
    assert.equal(text('pipeDelimited', false, 'query', array), 'color=blue%7Cblack%7Cbrown');
    assert.equal(text('deepObject', true, 'query', object), 'color[R]=100&color[G]=200&color[B]=150');
  });

  it('keeps falsy items and encodes reserved characters unless allowReserved', () => {
    assert.equal(text('form', false, 'query', [0, false, '']), 'color=0,false,');
    assert.equal(text('form', true, 'query', 'a&b=c/d'), 'color=a%26b%3Dc%2Fd');
    const reserved = serialiseParameter({ name: 'next', in: 'query', style: 'form', explode: true, allowReserved: true }, '/a/b?c');
    assert.deepEqual(reserved, { in: 'query', pairs: ['next=/a/b?c'] });
    assert.equal(text('simple', false, 'path', 'a b/c'), 'a%20b%2Fc');
  });

  it('writes headers unencoded and cookies as form pairs, and a content parameter as its JSON text', () => {
    assert.deepEqual(serialiseParameter({ name: 'X-Ids', in: 'header', style: 'simple', explode: false }, [1, 2]), { in: 'header', text: '1,2' });
    assert.deepEqual(serialiseParameter({ name: 'prefs', in: 'cookie', style: 'form', explode: true }, ['a', 'b']), { in: 'cookie', text: 'prefs=a,b' });
    assert.deepEqual(serialiseParameter({ name: 'where', in: 'query', style: 'form', explode: true, contentType: 'application/json' }, { a: 1 }), { in: 'query', pairs: ['where=%7B%22a%22%3A1%7D'] });
  });
});
