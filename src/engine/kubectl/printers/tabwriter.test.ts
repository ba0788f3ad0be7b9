import { describe, expect, it } from 'vitest';
import { alignTabs, DESCRIBE_TABWRITER, TABLE_TABWRITER } from './tabwriter';
import { renderTable } from './table';

describe('Go tabwriter alignment', () => {
  it.each([
    {
      name: 'columns pad to the widest cell plus 3 spaces (kubectl get)',
      text: 'NAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\nweb-long-name\t0/1\tPending\n',
      opts: TABLE_TABWRITER,
      want: 'NAME            READY   STATUS\nweb-1           1/1     Running\nweb-long-name   0/1     Pending\n',
    },
    {
      name: 'a column is at least 6 wide (kubectl minwidth)',
      text: 'A\tB\nx\ty\n',
      opts: TABLE_TABWRITER,
      want: 'A     B\nx     y\n',
    },
    {
      name: 'the last cell of a line is never padded',
      text: 'Name:\tweb\nNamespace:\tdefault\n',
      opts: DESCRIBE_TABWRITER,
      want: 'Name:       web\nNamespace:  default\n',
    },
    {
      name: 'a line without tabs ends the column block (describe sections align separately)',
      text: 'Name:\tweb\nContainers:\n  nginx:\n    Image:\tnginx\n    Container ID:\tx\n',
      opts: DESCRIBE_TABWRITER,
      want: 'Name:  web\nContainers:\n  nginx:\n    Image:         nginx\n    Container ID:  x\n',
    },
    {
      name: 'nested columns align only among lines that have them',
      text: 'a\tbb\tc\naaa\tb\n',
      opts: DESCRIBE_TABWRITER,
      want: 'a    bb  c\naaa  b\n',
    },
  ])('$name', ({ text, opts, want }) => {
    expect(alignTabs(text, opts)).toBe(want);
  });

  it('renderTable puts the header line first', () => {
    expect(renderTable(['NAME', 'UP-TO-DATE'], [['web', '3']])).toBe('NAME   UP-TO-DATE\nweb    3\n');
  });
});
