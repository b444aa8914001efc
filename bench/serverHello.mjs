// The baseline of `npm run bench:server`: bare fastify in its own process, answering GET /hello with
// {"hello":"world"} and POST /hello by parsing the JSON body and answering 201 with a small object, as the
// application route does, without validation, decisions or storage. Prints `listening <url>`.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get('/hello', async () => ({ hello: 'world' }));
app.post('/hello', async (req, reply) =>
  reply.status(201).send({ id: 'x', size: Object.keys(req.body ?? {}).length }),
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
