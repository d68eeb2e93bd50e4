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
  it('says why a save was refused only while the scenario is the one refused', () => {
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
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'lift', replaced: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    render(<ServerSave text="mine" valid={true} replaces="The lift" />);
    fireEvent.change(screen.getByLabelText('Author key'), { target: { value: 'a-key-of-sixteen-chars' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('“The lift”'));
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
    // Agreed: saved, and said to have replaced it.
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save to the server' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/lift/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
