import type { BotContext, BotHandler, BotMessage } from '../framework/types';
import { chooseMove, EMPTY_BOARD, isFull, parseSquare, place, renderBoard, winner } from './board';

export const HELP_TEXT = [
  'Tic-tac-toe against me. You are X and go first.',
  '* `new game`: start (or restart) a game',
  '* `5`, `move 5` or `2,2`: play a square (1-9, or row,column)',
  '* `quit`: give up the running game',
].join('\n');

const NO_GAME = 'You have no game running. Say `new game` to start one.';

/** Each person plays their own game; the board is kept in bot storage between messages. */
export class TicTacToeBot implements BotHandler {
  usage(): string {
    return 'Plays tic-tac-toe: say `new game`, then play squares 1-9. Say `help` for the rules.';
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    await ctx.sendReply(message, await this.answer(message, ctx));
  }

  private async answer(message: BotMessage, ctx: BotContext): Promise<string> {
    const key = `game:${message.sender_email}`;
    const command = message.content.trim().toLowerCase();
    if (command === 'new game' || command === 'start') {
      await ctx.storage.put(key, EMPTY_BOARD);
      return `New game! You are X and go first.\n${renderBoard(EMPTY_BOARD)}`;
    }
    if (command === 'quit') {
      if (!(await ctx.storage.contains(key))) return NO_GAME;
      await ctx.storage.remove(key);
      return 'You quit. Say `new game` to play again.';
    }
    const square = parseSquare(command);
    if (square === undefined) {
      return command === '' || command === 'help'
        ? HELP_TEXT
        : `I don't understand "${message.content.trim()}".\n${HELP_TEXT}`;
    }
    const board = await ctx.storage.get<string | null>(key, null);
    if (board === null) return NO_GAME;
    return this.play(board, square, key, ctx);
  }

  private async play(board: string, square: number, key: string, ctx: BotContext): Promise<string> {
    if (board[square] !== '-') {
      return `Square ${square + 1} is taken; pick an empty one.\n${renderBoard(board)}`;
    }
    const afterYou = place(board, square, 'X');
    if (winner(afterYou) === 'X') {
      await ctx.storage.remove(key);
      return `You win! Congratulations.\n${renderBoard(afterYou)}`;
    }
    if (isFull(afterYou)) {
      await ctx.storage.remove(key);
      return `It's a draw.\n${renderBoard(afterYou)}`;
    }
    const mine = chooseMove(afterYou, 'O');
    const afterMe = place(afterYou, mine, 'O');
    if (winner(afterMe) === 'O') {
      await ctx.storage.remove(key);
      return `I played ${mine + 1} and win!\n${renderBoard(afterMe)}`;
    }
    await ctx.storage.put(key, afterMe);
    return `I played ${mine + 1}. Your move.\n${renderBoard(afterMe)}`;
  }
}

export default TicTacToeBot;
