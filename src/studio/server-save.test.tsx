// @vitest-environment jsdom
import './studio-strings.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerSave } from './server-save.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('saving to the server', () => {
  it('says before any key is typed that this server takes no saves, or that there is no server', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ saving: false }), { status: 200 })),
    );
    render(<ServerSave text="mine" valid={true} />);
    expect(await screen.findByText(/Saving to this server is turned off: download the file instead/)).toBeTruthy();
    expect(screen.queryByLabelText('Author key')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save to the server' })).toBeNull();
    cleanup();
    // A static host answers with its page, not the server's JSON.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<!doctype html><title>Upstander</title>', { status: 200 })),
    );
    render(<ServerSave text="mine" valid={true} />);
    expect(await screen.findByText(/has no server to save to: download the file instead/)).toBeTruthy();
    expect(screen.queryByLabelText('Author key')).toBeNull();
  });

  it('says why a save was refused only while the scenario is the one refused', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ saving: true }), { status: 200 })),
    );
    const { rerender } = render(<ServerSave text="broken" valid={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Fix the errors under Problems first/);
    // Fixed: the refusal was about an older version, and goes.
    rerender(<ServerSave text="fixed" valid={true} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a saved scenario has changed since, rather than that it is saved', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ id: 'mine', replaced: false }), { status: 200 })),
    );
    const { rerender } = render(<ServerSave text="version 1" valid={true} />);
    fireEvent.change(screen.getByLabelText('Author key'), { target: { value: 'a-key-of-sixteen-chars' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Saved as mine\.json/);
    rerender(<ServerSave text="version 2" valid={true} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText(/Changed since you saved it as mine\.json/)).toBeTruthy();
  });

  it('asks before replacing a library scenario of the same id, and sends nothing when declined', async () => {
    const fetch = vi.fn(
      async (_url: URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ id: 'lift', replaced: true }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetch);
    // The studio asks once whether the server takes saves; what matters is that no save is sent.
    const saves = () => fetch.mock.calls.filter(([, init]) => init?.method === 'PUT');
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    render(<ServerSave text="mine" valid={true} replaces="The lift" />);
    fireEvent.change(screen.getByLabelText('Author key'), { target: { value: 'a-key-of-sixteen-chars' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('“The lift”'));
    expect(saves()).toHaveLength(0);
    expect(screen.queryByRole('status')).toBeNull();
    // Agreed: saved, and said to have replaced it.
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/lift/);
    expect(saves()).toHaveLength(1);
  });
});
