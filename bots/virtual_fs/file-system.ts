import type { JsonValue } from '../framework/types';

/** A file system small enough to live in one bot-storage value. Paths are absolute and normalized. */
export interface FileSystemState {
  /** Every directory and file except the root, by absolute path. */
  entries: Record<string, { kind: 'dir' } | { kind: 'file'; content: string }>;
  /** Each user's current directory, by email. */
  cwd: Record<string, string>;
  [key: string]: JsonValue;
}

export function emptyFileSystem(): FileSystemState {
  return { entries: {}, cwd: {} };
}

const NAME = /^[A-Za-z0-9_.-]+$/;

export class FsError extends Error {}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** Operations on the state, for one user; each returns the text to answer with. */
export class VirtualFileSystem {
  constructor(
    readonly state: FileSystemState,
    private readonly user: string,
  ) {}

  get cwd(): string {
    return this.state.cwd[this.user] ?? '/';
  }

  resolve(input: string): string {
    if (input === '') throw new FsError('ERROR: a path is required');
    const parts = input.startsWith('/') ? [] : this.cwd.split('/').filter(Boolean);
    for (const part of input.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        parts.pop();
        continue;
      }
      if (!NAME.test(part)) {
        throw new FsError(`ERROR: invalid name "${part}" (use letters, digits, "_", "-" and ".")`);
      }
      parts.push(part);
    }
    return `/${parts.join('/')}`;
  }

  private kindOf(path: string): 'dir' | 'file' | undefined {
    if (path === '/') return 'dir';
    return this.state.entries[path]?.kind;
  }

  private requireDir(path: string): void {
    const kind = this.kindOf(path);
    if (kind === undefined) throw new FsError(`ERROR: directory ${path} does not exist`);
    if (kind !== 'dir') throw new FsError(`ERROR: ${path} is a file, not a directory`);
  }

  pwd(): string {
    return this.cwd;
  }

  ls(input: string): string {
    const path = input === '' ? this.cwd : this.resolve(input);
    this.requireDir(path);
    const prefix = path === '/' ? '/' : `${path}/`;
    const children = Object.entries(this.state.entries)
      .filter(([entry]) => entry.startsWith(prefix) && !entry.slice(prefix.length).includes('/'))
      .map(([entry, node]) => entry.slice(prefix.length) + (node.kind === 'dir' ? '/' : ''))
      .sort();
    return children.length === 0 ? `${path} is empty` : children.join('\n');
  }

  cd(input: string): string {
    const path = this.resolve(input);
    this.requireDir(path);
    this.state.cwd[this.user] = path;
    return `Current directory: ${path}`;
  }

  mkdir(input: string): string {
    const path = this.resolve(input);
    if (this.kindOf(path)) throw new FsError(`ERROR: ${path} already exists`);
    this.requireDir(parentOf(path));
    this.state.entries[path] = { kind: 'dir' };
    return `directory ${path} created`;
  }

  rmdir(input: string): string {
    const path = this.resolve(input);
    if (path === '/') throw new FsError('ERROR: the root directory cannot be removed');
    this.requireDir(path);
    for (const entry of Object.keys(this.state.entries)) {
      if (entry === path || entry.startsWith(`${path}/`)) delete this.state.entries[entry];
    }
    for (const [user, cwd] of Object.entries(this.state.cwd)) {
      if (cwd === path || cwd.startsWith(`${path}/`)) this.state.cwd[user] = '/';
    }
    return `directory ${path} and everything in it removed`;
  }

  write(input: string, content: string): string {
    const path = this.resolve(input);
    if (this.kindOf(path) === 'dir') throw new FsError(`ERROR: ${path} is a directory`);
    this.requireDir(parentOf(path));
    this.state.entries[path] = { kind: 'file', content };
    return `file ${path} written`;
  }

  read(input: string): string {
    const path = this.resolve(input);
    const node = this.state.entries[path];
    if (!node) throw new FsError(`ERROR: file ${path} does not exist`);
    if (node.kind !== 'file') throw new FsError(`ERROR: ${path} is a directory`);
    return node.content === '' ? `${path} is empty` : node.content;
  }

  rm(input: string): string {
    const path = this.resolve(input);
    const node = this.state.entries[path];
    if (!node) throw new FsError(`ERROR: file ${path} does not exist`);
    if (node.kind === 'dir') throw new FsError(`ERROR: ${path} is a directory, use rmdir`);
    delete this.state.entries[path];
    return `file ${path} removed`;
  }
}
