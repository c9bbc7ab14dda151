/**
 * A scripted SMTP server on loopback for the error paths a well-behaved Mailpit never shows:
 * a recipient refused for good (550) or for now (451). It speaks just enough SMTP for nodemailer
 * and keeps the recipients it accepted.
 */
import net from 'node:net'

export interface SmtpStub {
  url: string
  accepted: string[]
  close: () => Promise<void>
}

/** `reply(recipient)` answers RCPT TO: e.g. '550 5.1.1 No such user' or '250 OK'. */
export async function startSmtpStub(reply: (recipient: string) => string): Promise<SmtpStub> {
  const accepted: string[] = []
  const server = net.createServer((socket) => {
    let buffer = ''
    let inData = false
    let pending: string[] = []
    socket.write('220 stub ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      let end: number
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line === '.') {
            inData = false
            accepted.push(...pending)
            pending = []
            socket.write('250 2.0.0 Queued\r\n')
          }
          continue
        }
        const command = line.slice(0, 4).toUpperCase()
        if (command === 'EHLO' || command === 'HELO') socket.write('250 stub\r\n')
        else if (command === 'MAIL') socket.write('250 2.1.0 OK\r\n')
        else if (command === 'RCPT') {
          const recipient = /<([^>]*)>/.exec(line)?.[1] ?? ''
          const answer = reply(recipient)
          if (answer.startsWith('250')) pending.push(recipient)
          socket.write(`${answer}\r\n`)
        } else if (command === 'DATA') {
          inData = true
          socket.write('354 Go ahead\r\n')
        } else if (command === 'QUIT') {
          socket.end('221 Bye\r\n')
        } else if (command === 'RSET') {
          pending = []
          socket.write('250 OK\r\n')
        } else socket.write('250 OK\r\n')
      }
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
