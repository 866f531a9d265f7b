import { describe, expect, it } from 'vitest';
import { compile } from '@/engine/model';
import { makeProcessId } from '@/lib/designer/make-process-id';
import { readProcessInfo } from '@/lib/designer/read-process-info';
import { starterDiagram } from '@/lib/designer/starter-diagram';

describe('a new process', () => {
  it('gets a readable process id that is a valid XML name', () => {
    expect(makeProcessId('Purchase request')).toMatch(/^purchase-request-[0-9a-f]{6}$/);
    expect(makeProcessId('123 go')).toMatch(/^process-123-go-[0-9a-f]{6}$/);
    expect(makeProcessId('Überstunden & Co.')).toMatch(/^uberstunden-co-[0-9a-f]{6}$/);
  });

  it('starts from a diagram the engine accepts, start → task → end', async () => {
    const xml = starterDiagram({ processId: 'purchase', name: 'Purchase <request>' });
    const result = await compile(xml);
    expect(result.ok).toBe(true);
    expect(await readProcessInfo(xml)).toEqual({ processId: 'purchase', name: 'Purchase <request>' });
  });
});
