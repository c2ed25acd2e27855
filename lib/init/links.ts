import { Parser } from 'htmlparser2';

/**
 * The absolute URLs a page links to (`<a href>`, `<area href>`), resolved against its `<base href>`
 * or its own URL. htmlparser2 reads real-world HTML as browsers do (unclosed tags, attributes
 * without quotes); `download` links and non-http schemes are left out.
 */
export function extractLinks(html: string, pageUrl: string): string[] {
  let base = pageUrl;
  const hrefs: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'base' && attributes.href) {
        try {
          base = new URL(attributes.href, pageUrl).href;
        } catch {
          // a broken <base> is ignored, as browsers do
        }
      }
      if ((name === 'a' || name === 'area') && attributes.href !== undefined && attributes.download === undefined) hrefs.push(attributes.href);
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  const links: string[] = [];
  for (const href of hrefs) {
    try {
      const url = new URL(href.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') links.push(url.href);
    } catch {
      // not a URL
    }
  }
  return links;
}
