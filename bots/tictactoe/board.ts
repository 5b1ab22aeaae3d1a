/** A tic-tac-toe board as nine characters: "X", "O" or "-" for empty, row by row. */
export type Mark = 'X' | 'O';

export const EMPTY_BOARD = '---------';

const LINES = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

export function place(board: string, square: number, mark: Mark): string {
  return board.slice(0, square) + mark + board.slice(square + 1);
}

export function winner(board: string): Mark | null {
  for (const [a, b, c] of LINES) {
    const mark = board[a];
    if (mark !== '-' && mark === board[b] && mark === board[c]) return mark as Mark;
  }
  return null;
}

export function isFull(board: string): boolean {
  return !board.includes('-');
}

function completingSquare(board: string, mark: Mark): number | undefined {
  for (const line of LINES) {
    const marks = line.map((square) => board[square]);
    if (marks.filter((value) => value === mark).length === 2 && marks.includes('-')) {
      return line[marks.indexOf('-')];
    }
  }
  return undefined;
}

/** The bot's move: win, else block, else centre, corners, sides. Deterministic, and beatable by a fork. */
export function chooseMove(board: string, me: Mark): number {
  const opponent: Mark = me === 'X' ? 'O' : 'X';
  const preferred = [
    completingSquare(board, me),
    completingSquare(board, opponent),
    ...[4, 0, 2, 6, 8, 1, 3, 5, 7].filter((square) => board[square] === '-'),
  ];
  const move = preferred.find((square) => square !== undefined);
  if (move === undefined) throw new Error('no move left on a full board');
  return move;
}

/** The board as a code block, empty squares showing the number that plays them. */
export function renderBoard(board: string): string {
  const cell = (square: number): string =>
    board[square] === '-' ? String(square + 1) : board[square];
  const rows = [0, 3, 6].map(
    (start) => ` ${cell(start)} | ${cell(start + 1)} | ${cell(start + 2)}`,
  );
  return ['```', rows.join('\n---+---+---\n'), '```'].join('\n');
}

/** A square from "5", "move 5" or "row,column" such as "2,3"; undefined when it names none. */
export function parseSquare(text: string): number | undefined {
  const spec = text.replace(/^move\s+/i, '').trim();
  if (/^[1-9]$/.test(spec)) return Number(spec) - 1;
  const grid = /^([1-3])\s*,\s*([1-3])$/.exec(spec);
  if (grid) return (Number(grid[1]) - 1) * 3 + (Number(grid[2]) - 1);
  return undefined;
}
