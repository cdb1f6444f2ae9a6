import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { runCli } from './testing/run-cli.ts';

/** A command that records its calls and fails the way it is told to. */
function probe(behaviour: 'ok' | 'beschluss-error' | 'crash' | 'exit-3') {
  const calls: string[][] = [];
  const command = defineCommand('probe', (probe, context) => {
    probe.argument('[values...]').action((values: string[]) => {
      calls.push(values);
      if (behaviour === 'beschluss-error')
        throw new BeschlussError('INDEX_MISSING', 'no index in ./index; run "beschluss index" first');
      if (behaviour === 'crash') throw new TypeError('boom');
      if (behaviour === 'exit-3') context.setExitCode(3);
      context.stdout(`probe ${values.join(',')}\n`);
    });
  });
  return { command, calls };
}

describe('main', () => {
  it('runs a registered command with its arguments and returns 0', async () => {
    const { command, calls } = probe('ok');
    expect(await runCli(['probe', 'a', 'b'], [command])).toEqual({
      code: 0,
      stdout: 'probe a,b\n',
      stderr: '',
    });
    expect(calls).toEqual([['a', 'b']]);
  });

  it('prints a BeschlussError as "beschluss: <message>" without a stack trace and returns 1', async () => {
    const result = await runCli(['probe'], [probe('beschluss-error').command]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'beschluss: no index in ./index; run "beschluss index" first\n',
    });
  });

  it('reports an unexpected error as an internal error and returns 1', async () => {
    const result = await runCli(['probe'], [probe('crash').command]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^beschluss: internal error: TypeError: boom/);
  });

  it('lets a command choose its exit code', async () => {
    expect((await runCli(['probe'], [probe('exit-3').command])).code).toBe(3);
  });

  it('returns 2 for an unknown command or option, and for no arguments at all', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("beschluss: unknown command 'frobnicate'");
    expect((await runCli(['parse', 'x.txt', '--bogus'])).code).toBe(2);
    const empty = await runCli([]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Usage: beschluss');
  });

  it('prints help to stdout and returns 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parse [options] <files...>');
  });
});
