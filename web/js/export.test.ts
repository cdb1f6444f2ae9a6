import { describe, expect, it } from 'vitest';
import { answerPayload, escapeHtml, quotePayload } from './export.js';

const MEETING = { id: 'imk-2020-12-10' };

const turn = {
  question: 'Was gilt für Sirenen?',
  text: [
    'TOP 29.2 – Warnung der Bevölkerung: Sirenen',
    '- Die IMK begrüßt das Förderprogramm für Sirenen des Bundes. [TOP 29.2 Ziff. 1]',
    '- Sie bittet den Bund, die Warnung über Cell Broadcast bis 2021 einzuführen. [TOP 29.2 Ziff. 2]',
  ].join('\n'),
  answer: {
    statements: [
      { text: '…', citations: [{ meeting: 'imk-2020-12-10', top: '29.2', para: '1' }] },
      { text: '…', citations: [{ meeting: 'imk-2020-12-10', top: '29.2', para: '2' }] },
    ],
    sources: [
      {
        id: 'imk-2020-12-10/29.2/1',
        meeting: 'imk-2020-12-10',
        top: '29.2',
        para: '1',
        title: 'Warnung der Bevölkerung: Sirenen',
      },
    ],
  },
};

describe('quotePayload', () => {
  it('puts the quoted pieces in German quotes with the full citation, in text and HTML', () => {
    expect(
      quotePayload({ pieces: ['Erster Satz.', ' Zweiter <Satz>. '], citation: 'IMK 10.12.2020, TOP 9' }),
    ).toEqual({
      text: '„Erster Satz. […] Zweiter <Satz>.“ (IMK 10.12.2020, TOP 9)',
      html: '<p>„Erster Satz. […] Zweiter &lt;Satz&gt;.“ (<cite>IMK 10.12.2020, TOP 9</cite>)</p>',
    });
  });
});

describe('answerPayload', () => {
  it('writes the question, the answer with every marker naming its meeting, and the sources with titles', () => {
    const { text, html } = answerPayload(turn, { meetings: [MEETING] });
    expect(text).toBe(
      [
        'Frage: Was gilt für Sirenen?',
        '',
        'TOP 29.2 – Warnung der Bevölkerung: Sirenen',
        '- Die IMK begrüßt das Förderprogramm für Sirenen des Bundes. [IMK 10.12.2020, TOP 29.2 Ziff. 1]',
        '- Sie bittet den Bund, die Warnung über Cell Broadcast bis 2021 einzuführen. [IMK 10.12.2020, TOP 29.2 Ziff. 2]',
        '',
        'Fundstellen:',
        '- IMK 10.12.2020, TOP 29.2 Ziff. 1 – Warnung der Bevölkerung: Sirenen',
        '- IMK 10.12.2020, TOP 29.2 Ziff. 2',
      ].join('\n'),
    );
    expect(html).toContain('<p><strong>TOP 29.2 – Warnung der Bevölkerung: Sirenen</strong></p>');
    expect(html).toContain(
      '<li>Die IMK begrüßt das Förderprogramm für Sirenen des Bundes. [IMK 10.12.2020, TOP 29.2 Ziff. 1]</li>',
    );
  });

  it('keeps a marker that already names its meeting, and escapes what could be markup', () => {
    const { text, html } = answerPayload(
      { question: 'a < b?', text: 'Dazu: <b>nichts</b> [IMK 18.06.2021, TOP 46]' },
      { meetings: [MEETING, { id: 'imk-2021-06-18' }] },
    );
    expect(text).toContain('[IMK 18.06.2021, TOP 46]');
    expect(html).toContain('a &lt; b?');
    expect(html).toContain('&lt;b&gt;nichts&lt;/b&gt;');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
