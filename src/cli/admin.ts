/**
 * `npm run admin -- add 用户名`: asks for a password (twice, not echoed) or reads it from
 * standard input, and prints the line to put in ADMIN_USERS or content/campaign/organisers.yaml.
 * The password itself is never written anywhere.
 *
 *   npm run admin -- add lishuhu
 *   echo '口令' | npm run admin -- add lishuhu
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from '#server/admin/passwords.ts';
import { isValidUsername, USERNAME_RULE } from '#server/admin/organisers.ts';

const MIN_LENGTH = 10;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** One line from a terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

const [command, username] = process.argv.slice(2);
if (command !== 'add' || !username) {
  fail('用法：npm run admin -- add 用户名\n生成组织方账号的口令散列，写入环境变量 ADMIN_USERS 或 content/campaign/organisers.yaml。');
}
if (!isValidUsername(username)) fail(`用户名应为 ${USERNAME_RULE}（从别处复制的用户名请手动重新输入）。`);

let password: string;
if (process.stdin.isTTY) {
  password = await askHidden(`请输入 ${username} 的口令（至少 ${MIN_LENGTH} 位，输入时不显示）：`);
  const again = await askHidden('请再输入一次：');
  if (password !== again) fail('两次输入的口令不一致，请重新运行。');
} else {
  password = await readPiped();
}
if (Array.from(password).length < MIN_LENGTH) fail(`口令太短：至少需要 ${MIN_LENGTH} 个字符。`);

const hash = await hashPassword(password);
console.log(`
${username}:${hash}

用法一：写入环境变量（多个账号用分号分隔），例如
  ADMIN_USERS='${username}:${hash}' npm start

用法二：写入 content/campaign/organisers.yaml：
organisers:
  - username: ${username}
    password_hash: ${hash}

重启服务后生效；配置了正式账号后，首次启动生成的初始账号 admin 自动停用。`);
