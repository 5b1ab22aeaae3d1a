import { expectDialog, startTestBot, type TestUser } from '../framework/testing';
import { chooseMove, EMPTY_BOARD, parseSquare, renderBoard } from './board';
import { HELP_TEXT, TicTacToeBot } from './tictactoe.bot';

const board = (rows: string): string => renderBoard(rows.replace(/\s/g, ''));
const NO_GAME = 'You have no game running. Say `new game` to start one.';

describe('tictactoe bot', () => {
  it('renders empty squares with the number that plays them', () => {
    expect(renderBoard(EMPTY_BOARD)).toBe(
      '```\n 1 | 2 | 3\n---+---+---\n 4 | 5 | 6\n---+---+---\n 7 | 8 | 9\n```',
    );
  });

  it('lets the player win with a fork', async () => {
    const bot = await expectDialog(new TicTacToeBot(), [
      ['new game', `New game! You are X and go first.\n${board('--- --- ---')}`],
      ['1', `I played 5. Your move.\n${board('X-- -O- ---')}`],
      ['move 9', `I played 3. Your move.\n${board('X-O -O- --X')}`],
      ['3,1', `I played 8. Your move.\n${board('X-O -O- XOX')}`],
      ['4', `You win! Congratulations.\n${board('X-O XO- XOX')}`],
      ['5', NO_GAME],
    ]);
    expect(bot.backend.stored.size).toBe(0);
  });

  it('wins when the player leaves a line open', async () => {
    await expectDialog(new TicTacToeBot(), [
      ['start', `New game! You are X and go first.\n${board('--- --- ---')}`],
      ['2', `I played 5. Your move.\n${board('-X- -O- ---')}`],
      ['3', `I played 1. Your move.\n${board('OXX -O- ---')}`],
      ['4', `I played 9 and win!\n${board('OXX XO- --O')}`],
    ]);
  });

  it('ends in a draw against careful play', async () => {
    await expectDialog(new TicTacToeBot(), [
      ['new game', `New game! You are X and go first.\n${board('--- --- ---')}`],
      ['5', `I played 1. Your move.\n${board('O-- -X- ---')}`],
      ['9', `I played 3. Your move.\n${board('O-O -X- --X')}`],
      ['2', `I played 8. Your move.\n${board('OXO -X- -OX')}`],
      ['4', `I played 6. Your move.\n${board('OXO XXO -OX')}`],
      ['7', `It's a draw.\n${board('OXO XXO XOX')}`],
    ]);
  });

  it('refuses taken and unknown squares, and moves without a game', async () => {
    await expectDialog(new TicTacToeBot(), [
      ['5', NO_GAME],
      ['quit', NO_GAME],
      ['new game', `New game! You are X and go first.\n${board('--- --- ---')}`],
      ['1', `I played 5. Your move.\n${board('X-- -O- ---')}`],
      ['5', `Square 5 is taken; pick an empty one.\n${board('X-- -O- ---')}`],
      ['10', `I don't understand "10".\n${HELP_TEXT}`],
      ['help', HELP_TEXT],
      ['quit', 'You quit. Say `new game` to play again.'],
      ['1', NO_GAME],
    ]);
  });

  it('keeps a separate game per player', async () => {
    const bob: TestUser = { id: 11, email: 'bob@example.com', full_name: 'Bob' };
    const bot = await startTestBot(new TicTacToeBot());
    await bot.say('new game');
    expect(await bot.say('1', { from: bob })).toEqual([NO_GAME]);
    expect((await bot.say('1'))[0]).toMatch(/^I played 5/);
  });

  it('parses squares and picks winning and blocking moves', () => {
    expect(parseSquare('move 7')).toBe(6);
    expect(parseSquare('2, 3')).toBe(5);
    expect(parseSquare('4,1')).toBeUndefined();
    expect(chooseMove('OO-XX----', 'O')).toBe(2);
    expect(chooseMove('XX--O----', 'O')).toBe(2);
  });
});
