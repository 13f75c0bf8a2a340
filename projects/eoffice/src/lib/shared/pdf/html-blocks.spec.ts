import { blocksText, htmlToBlocks } from './html-blocks';

describe('htmlToBlocks', () => {
  it('turns a note from the editor into paragraphs with bold, italic and numbered points', () => {
    const blocks = htmlToBlocks(
      '<h2>Proposal</h2><p>The <strong>draft policy</strong> is at <em>flag A</em>.</p>' +
        '<ol><li data-list="ordered">Approve the draft</li><li data-list="ordered">Issue to States</li><li data-list="bullet">Copy to CRU</li></ol>' +
        '<p>स्थानांतरण नीति<br>अनुमोदन हेतु</p>'
    );

    expect(blocksText(blocks)).toBe(
      'Proposal\nThe draft policy is at flag A.\n1.  Approve the draft\n2.  Issue to States\n•  Copy to CRU\nस्थानांतरण नीति\nअनुमोदन हेतु'
    );
    expect(blocks[0].heading).toBe(2);
    expect(blocks[1].runs.find((r) => r.text === 'draft policy')?.bold).toBeTrue();
    expect(blocks[1].runs.find((r) => r.text === 'flag A')?.italic).toBeTrue();
    expect(blocks[2].depth).toBe(1);
  });

  it('drops scripts and styles instead of printing them', () => {
    const blocks = htmlToBlocks('<p>Seen</p><script>alert(1)</script><style>p{}</style><img src=x onerror="alert(2)">');

    expect(blocksText(blocks)).toBe('Seen');
  });
});
