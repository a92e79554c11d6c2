// The HTML report without a browser: every section, hostile names escaped everywhere, nothing that
// loads or runs (no script, no external URL), the notice at both ends and in the print margins,
// and a Chinese report without English words but ids, units and citations.
import { beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from './html.ts';
import { fixtureRun, PAYLOADS } from './testing.ts';

let en: string;
let zh: string;
beforeAll(async () => {
  const { run, base } = await fixtureRun();
  en = reportHtml(run, { lang: 'en', generatedAt: '2026-12-01T14:05:00.000Z', base });
  zh = reportHtml(run, { lang: 'zh-CN', generatedAt: '2026-12-01T14:05:00.000Z', paper: 'a4', base });
});

describe('reportHtml', () => {
  it('has every section, the date, the engine version and the notice at both ends and in the print margins', () => {
    for (const h of ['Patient and interventions', 'Key findings', 'Time courses', 'Mechanism chain', 'Adverse effects', 'Validation status of the quantities shown', 'Model assumptions']) expect(en).toContain(`<h2>${h}</h2>`);
    expect(en).toContain('Generated: 2026-12-01 14:05 UTC · Engine: 0.1.0');
    expect(en.match(/<div class="notice">Educational simulation, not for clinical decisions\.<\/div>/g)).toHaveLength(2);
    expect(en).toMatch(/@top-center \{ content: "Educational simulation, not for clinical decisions\."/);
    expect(en).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)');
    expect(zh).toContain('"第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(zh).toContain('size: A4;');
    expect(en).not.toMatch(/size: (A4|letter)/); // the HTML file itself prints on the reader's paper
    // The devices and therapy in words.
    for (const words of ['Deep brain stimulation (DBS) of the STN: 130 Hz, 60 µs, 2.5 V', 'intermittent theta burst (iTBS) over the left DLPFC', 'anodal tDCS over the left DLPFC: 2 mA for 30 min', 'Electroconvulsive therapy (ECT), right unilateral placement', 'CBT (cognitive-behavioural therapy) sessions, every 3 days from day 3, 4 sessions', 'Mechanisms switched off: dyskinesia priming']) expect(en).toContain(words);
    expect(en).toContain('(user-defined, not validated)');
    // One colour per arm, the same in the legends of every panel.
    for (const colour of ['#0072B2', '#D55E00', '#009E73', '#CC79A7']) expect(en.split(`stroke="${colour}"`).length).toBeGreaterThan(6);
  });

  it('escapes every user-supplied text: no tag of the payloads survives, each shows as text', () => {
    for (const html of [en, zh]) {
      for (const p of PAYLOADS) expect(html).not.toContain(p);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
      // Every tag the document has: none that runs or loads, no event handler, no src or href.
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'header', 'p', 'section', 'h1', 'h2', 'h3', 'span', 'svg', 'line', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'figure', 'figcaption', 'text', 'rect', 'g', 'path', 'footer']);
      expect(tags.map((t) => /^<([a-zA-Z0-9]+)/.exec(t)?.[1]?.toLowerCase()).filter((name) => !allowed.has(name as string))).toEqual([]);
      // (Attribute values are quoted and `"` is escaped inside them, so a value cannot end early.)
      expect(tags.map((t) => t.replace(/"[^"]*"/g, '""')).filter((t) => /\s(on\w+|src|href|xlink:href)\s*=/i.test(t))).toEqual([]);
      // Nothing to load: no URL but the SVG namespace, a CSP that allows no script.
      expect(html.match(/https?:\/\/[^\s"')]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    }
  });

  it('Chinese: every fixed text translated; left in Latin letters only ids, units, abbreviations, citations and user names', () => {
    const text = zh
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<td class="small cite">[^<]*<\/td>/g, '') // citations (authors, journals) of the validation table
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .replace(/\b[A-Z][\p{L}-]+ et al\. \d{4}/gu, ' ')
      .replace(/<img src=x onerror=alert\(1\)>|<script>alert\(2\)<\/script>|"><svg onload=alert\(3\)>|every device, a custom drug, and hostile names|& a description with <b>markup<\/b>|Ketamine \+ CBT|=SUM\(A1\) iTBS, tDCS and ECT|DBS in Parkinson's/g, ' ');
    const ALLOWED = /^(Modulon|MADRS|HAM|UPDRS|III|SERT|SSRI|NMDA|STN|GPe|DBS|DLPFC|CBT|ECT|TMS|tDCS|rTMS|iTBS|CYP2D6|HT1A|BDNF|mTORC1|Emax|Hill|BCM|HPA|EPS|AADC|D2|mL|min|ng|mg|kg|Hz|µs|mA|ms|points|ratio|fraction|UTC|IV|Seed)$/;
    const words = [...new Set(text.match(/[A-Za-zµ][A-Za-z0-9µ]+/g) ?? [])].filter((w) => !ALLOWED.test(w) && !/^\d/.test(w));
    expect(words).toEqual([]);
  });
});
