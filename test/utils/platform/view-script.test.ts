import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForViewLoads, VIEW_SCRIPT } from '@/utils/platform/view-script';

const ask = (sender: object) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'threadlight:load-view' }, sender, () => {});

describe('the background runs the view script where it is asked for', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
    listenForViewLoads();
  });

  it("in the asking tab's frame, our one file only", async () => {
    expect(await ask({ tab: { id: 7 }, frameId: 3 })).toEqual([{ loaded: true }]);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: [VIEW_SCRIPT] });
  });

  it('not for a sender without a tab (another extension page)', async () => {
    expect(await ask({})).toEqual([{ loaded: false }]);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('says so when the browser refuses (no host permission any more)', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await ask({ tab: { id: 7 }, frameId: 0 })).toEqual([{ loaded: false }]);
  });
});
