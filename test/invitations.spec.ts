import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueName } from '@roundtable/core';
import { DigestStack, startDigestStack } from './support/digest-email-harness';
import type { ReceivedMail } from './support/smtp-sink';
import { Client, eventually, registerUser, TestUser, uniqueEmail } from './support/test-api';
import {
  createConsultation,
  createRoundtable,
  createSpace,
  expectErrorShape,
  expectStatus,
  messageOf,
} from './support/world';

const APP_URL = 'https://roundtable.test';
const LINK = /https:\/\/roundtable\.test\/invite\/([A-Za-z0-9_-]{43})/;

/**
 * Invitations end to end: the real api and worker (in this process), PostgreSQL, Redis and
 * a real SMTP server. An organiser invites addresses to a question; each invitee gets one
 * email in the right language with a link that works once; a newcomer registers from it
 * and lands in the space; revoked and expired links are refused; only organisers manage
 * invitations; bad input is a 400 with a message; inviting again never sends twice.
 */
describe('invitations: invite by email, one email each, accept once', () => {
  let stack: DigestStack;
  let worker: INestApplicationContext;
  let org: Client;
  let consultationId: string;
  let roundtableId: string;
  let otherRoundtableId: string;
  let spaceA: string;
  let spaceB: string;
  let existing: TestUser;
  let participant: TestUser;
  let moderator: TestUser;

  const invite = (body: Record<string, unknown>, rt = roundtableId) => org.post(`/roundtables/${rt}/invitations`, body);

  /** The one email the sink accepted for `address` (waits for it), and the token of its link. */
  async function mailTo(address: string, count = 1): Promise<{ mail: ReceivedMail; token: string }> {
    const mails = await eventually(
      async () => {
        await stack.sink.settled();
        const got = stack.sink.to(address);
        return got.length >= count ? got : null;
      },
      30_000,
      `invitation email number ${count} to ${address}`,
    );
    expect(mails).toHaveLength(count);
    const mail = mails[count - 1];
    const token = LINK.exec(mail.text)?.[1];
    if (!token) throw new Error(`no invitation link in the email to ${address}:\n${mail.text}`);
    return { mail, token };
  }

  /** Waits until every send recorded for these invitations has settled; returns their statuses. */
  async function settledSends(ids: string[]): Promise<string[]> {
    return eventually(
      async () => {
        const rows = (
          await stack.pg.query<{ status: string }>(
            `SELECT status FROM invitation_deliveries WHERE invitation_id = ANY($1::uuid[]) ORDER BY created_at`,
            [ids],
          )
        ).rows;
        return rows.length > 0 && rows.every((r) => !['queued', 'claimed'].includes(r.status))
          ? rows.map((r) => r.status)
          : null;
      },
      30_000,
      'the invitation emails to settle',
    );
  }

  async function register(email: string, preferredLanguage = 'en'): Promise<TestUser> {
    const password = 'river-towns-42';
    const res = expectStatus(
      await new Client(stack.api.url).post('/auth/register', {
        email,
        password,
        displayName: 'Invited Person',
        constituency: 'local_government',
        preferredLanguage,
      }),
      201,
      'register from an invitation',
    );
    return {
      id: res.body.user.id,
      email,
      password,
      token: res.body.accessToken,
      client: new Client(stack.api.url, res.body.accessToken),
    };
  }

  beforeAll(async () => {
    stack = await startDigestStack({ APP_URL });
    worker = await stack.startWorker();
    org = stack.org.client;
    // the organiser reads French: invitees without an account get their email in French
    expectStatus(await org.patch('/me', { preferredLanguage: 'fr' }), 200, 'organiser language');
    consultationId = (await createConsultation(org, 'Rivers and towns')).id;
    const rt = await createRoundtable(org, consultationId, {
      title: { en: 'Flood planning', fr: 'Prévoir les crues', es: 'Planificar las crecidas' },
    });
    roundtableId = rt.id;
    otherRoundtableId = (await createRoundtable(org, consultationId)).id;
    spaceA = (
      await createSpace(org, roundtableId, {
        prompt: {
          en: 'Which warning systems reached people in time?',
          fr: 'Quelles alertes ont prévenu les gens à temps ?',
          es: '¿Qué alertas avisaron a tiempo?',
        },
      })
    ).id;
    spaceB = (await createSpace(org, roundtableId, { prompt: { en: 'Who should pay for higher dykes?' } })).id;
    existing = await registerUser(stack.api.url, {
      tag: 'invited-existing',
      preferredLanguage: 'es',
      displayName: 'Existing Reader',
    });
    participant = await registerUser(stack.api.url, { tag: 'invitations-participant' });
    moderator = await registerUser(stack.api.url, { tag: 'invitations-moderator' });
    expectStatus(await participant.client.post(`/spaces/${spaceA}/members`), 201, 'participant joins');
    expectStatus(
      await org.put(`/spaces/${spaceA}/roles/${moderator.id}`, { role: 'moderator' }),
      200,
      'make a moderator',
    );
  }, 90_000);

  afterAll(async () => {
    await stack?.close();
  });

  const newcomerA = uniqueEmail('invitee-a');
  const newcomerB = uniqueEmail('invitee-b');
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  it('sends exactly one email to each of three addresses (one account, two newcomers), each in its language, with a working link', async () => {
    const res = expectStatus(
      await invite({
        emails: [existing.email.toUpperCase(), newcomerA, ` ${newcomerB} `, newcomerA],
        spaceIds: [spaceA],
        message: 'Your experience of the 2024 floods would help us.',
      }),
      201,
      'invite three addresses',
    );
    expect(res.body).toMatchObject({ invited: 3, alreadyPending: 0, alreadyMember: 0 });
    expect(res.body.results.map((r: { email: string }) => r.email)).toEqual([existing.email, newcomerA, newcomerB]);
    for (const r of res.body.results) {
      expect(r.invitation).toMatchObject({
        roundtableId,
        spaceIds: [spaceA],
        role: 'participant',
        status: 'pending',
        invitedBy: { id: stack.org.id },
      });
      ids[r.email] = r.invitation.id;
    }
    expect(res.body.results.map((r: { invitation: { language: string } }) => r.invitation.language)).toEqual([
      'es',
      'fr',
      'fr',
    ]);

    expect(await settledSends(Object.values(ids))).toEqual(['sent', 'sent', 'sent']);
    await stack.sink.settled();
    expect(stack.sink.received).toHaveLength(3);

    const expected: Array<[string, string, RegExp]> = [
      [existing.email, 'es', /le invita a Rivers and towns/],
      [newcomerA, 'fr', /^Organiser vous invite : Consultation : Rivers and towns$/],
      [newcomerB, 'fr', /^Organiser vous invite : Consultation : Rivers and towns$/],
    ];
    for (const [address, lang, subject] of expected) {
      const { mail, token } = await mailTo(address);
      tokens[address] = token;
      expect(mail.subject).toMatch(subject);
      expect(mail.header('content-language')).toBe(lang);
      expect(mail.html).toContain(`href="${APP_URL}/invite/${token}"`);
      expect(mail.text).toContain('Your experience of the 2024 floods would help us.');
      expect(mail.text).toContain(
        lang === 'es' ? '¿Qué alertas avisaron a tiempo?' : 'Quelles alertes ont prévenu les gens à temps ?',
      );
    }
    expect(new Set(Object.values(tokens)).size).toBe(3);

    // only a hash of the token is stored
    const stored = (await stack.pg.query(`SELECT token_hash FROM invitations WHERE id = $1`, [ids[newcomerA]])).rows[0]
      .token_hash as Buffer;
    expect(stored.equals(createHash('sha256').update(tokens[newcomerA]).digest())).toBe(true);
    const dump = JSON.stringify(
      (await stack.pg.query(`SELECT * FROM invitations WHERE id = ANY($1::uuid[])`, [Object.values(ids)])).rows,
    );
    for (const token of Object.values(tokens)) expect(dump).not.toContain(token);

    // the link's page shows what it is for and who invited, to anyone holding it
    const preview = expectStatus(
      await new Client(stack.api.url).post('/invitations/lookup', { token: tokens[newcomerA] }),
      200,
      'look the link up',
    ).body;
    expect(preview).toMatchObject({
      status: 'pending',
      email: newcomerA,
      role: 'participant',
      invitedBy: { displayName: 'Organiser' },
      consultation: { id: consultationId },
      roundtable: { id: roundtableId, title: { fr: 'Prévoir les crues' } },
      wholeRoundtable: false,
      spaces: [{ id: spaceA, prompt: { en: 'Which warning systems reached people in time?' } }],
      message: 'Your experience of the 2024 floods would help us.',
    });
    expect(Date.parse(preview.expiresAt) - Date.now()).toBeGreaterThan(13.9 * 24 * 3600_000);
  }, 60_000);

  it('lets a newcomer register from the link and accept it: a member of the space who can post; the link then works no more', async () => {
    const newcomer = await register(newcomerA, 'fr');
    expectErrorShape(await newcomer.client.get(`/spaces/${spaceA}/contributions`), 403);
    const accepted = expectStatus(
      await newcomer.client.post('/invitations/accept', { token: tokens[newcomerA] }),
      200,
      'accept',
    ).body;
    expect(accepted).toEqual({
      roundtableId,
      role: 'participant',
      roundtableRole: false,
      spaceIds: [spaceA],
      landing: { kind: 'space', id: spaceA },
    });
    expect(expectStatus(await newcomer.client.get(`/spaces/${spaceA}`), 200).body.myRole).toBe('participant');
    expectStatus(
      await newcomer.client.post(`/spaces/${spaceA}/contributions`, {
        body: 'Sirens worked where radio did not.',
        language: 'en',
      }),
      201,
      'post as a new member',
    );
    // space B was not part of the invitation
    expectErrorShape(await newcomer.client.post(`/spaces/${spaceB}/contributions`, { body: 'Not invited here.' }), 403);

    // the same link again: refused, by the same account or any other
    const again = await newcomer.client.post('/invitations/accept', { token: tokens[newcomerA] });
    expectErrorShape(again, 409);
    expect(again.body.code).toBe('invitation_used');
    expectErrorShape(await participant.client.post('/invitations/accept', { token: tokens[newcomerA] }), 409);
    expect(
      expectStatus(await new Client(stack.api.url).post('/invitations/lookup', { token: tokens[newcomerA] }), 200).body
        .status,
    ).toBe('accepted');

    const list = expectStatus(await org.get(`/roundtables/${roundtableId}/invitations?status=accepted`), 200).body;
    expect(list.items).toEqual([
      expect.objectContaining({
        id: ids[newcomerA],
        status: 'accepted',
        acceptedBy: { id: newcomer.id, displayName: 'Invited Person' },
        delivery: expect.objectContaining({ status: 'sent', sends: 1 }),
      }),
    ]);
  });

  it('lets any signed-in account accept (the link is the credential) and records which one did', async () => {
    expectStatus(
      await existing.client.post('/invitations/accept', { token: tokens[existing.email] }),
      200,
      'the invited account accepts',
    );
    expect(expectStatus(await existing.client.get(`/spaces/${spaceA}`), 200).body.myRole).toBe('participant');
    // newcomer B signs in with another address of theirs
    const otherAddress = await registerUser(stack.api.url, { tag: 'invitee-b-work', displayName: 'Invitee B at work' });
    expectStatus(
      await otherAddress.client.post('/invitations/accept', { token: tokens[newcomerB] }),
      200,
      'accept with another account',
    );
    const row = (await stack.pg.query(`SELECT accepted_by, email FROM invitations WHERE id = $1`, [ids[newcomerB]]))
      .rows[0];
    expect(row).toEqual({ accepted_by: otherAddress.id, email: newcomerB });
    // inviting someone who already holds the role there sends nothing
    const again = expectStatus(await invite({ emails: [existing.email], spaceIds: [spaceA] }), 201).body;
    expect(again).toMatchObject({
      invited: 0,
      alreadyMember: 1,
      results: [{ email: existing.email, outcome: 'already_member', invitation: null }],
    });
  });

  it('does not send twice when the same address is invited again while its invitation is pending; resend sends a fresh link', async () => {
    const address = uniqueEmail('invitee-twice');
    const first = expectStatus(await invite({ emails: [address], spaceIds: [spaceB] }), 201).body;
    const id = first.results[0].invitation.id;
    const { token: firstToken } = await mailTo(address);
    const again = expectStatus(await invite({ emails: [address.toUpperCase()], spaceIds: [spaceB] }), 201).body;
    expect(again).toMatchObject({
      invited: 0,
      alreadyPending: 1,
      results: [{ outcome: 'already_pending', invitation: { id } }],
    });
    expect(
      (await stack.pg.query(`SELECT count(*)::int AS n FROM invitation_deliveries WHERE invitation_id = $1`, [id]))
        .rows[0].n,
    ).toBe(1);
    expect(await stack.queue(QueueName.InvitationEmails).getJob(`invite-${id}-2`)).toBeUndefined();
    // a later invitation arrives; the repeated one still has one email
    const marker = uniqueEmail('invitee-marker');
    expectStatus(await invite({ emails: [marker], spaceIds: [spaceB] }), 201);
    await mailTo(marker);
    expect(stack.sink.to(address)).toHaveLength(1);
    // another target is another invitation
    const wider = expectStatus(await invite({ emails: [address] }), 201).body;
    expect(wider.results[0]).toMatchObject({ outcome: 'invited', invitation: { spaceIds: [] } });
    await mailTo(address, 2);

    // resend: a new email with a new link; the first link stops working
    const resent = expectStatus(await org.post(`/invitations/${id}/resend`), 202, 'resend').body;
    expect(resent).toMatchObject({ id, status: 'pending', delivery: { sends: 2 } });
    const { token: secondToken } = await mailTo(address, 3);
    expect(secondToken).not.toBe(firstToken);
    expect(await settledSends([id])).toEqual(['sent', 'sent']);
    expectErrorShape(await new Client(stack.api.url).post('/invitations/lookup', { token: firstToken }), 404);
    const invitee = await register(address);
    expectStatus(
      await invitee.client.post('/invitations/accept', { token: secondToken }),
      200,
      'accept the resent link',
    );
    expect(expectStatus(await invitee.client.get(`/spaces/${spaceB}`), 200).body.myRole).toBe('participant');
    expectErrorShape(await org.post(`/invitations/${id}/resend`), 409);
  }, 60_000);

  it('refuses a revoked invitation, and says so on its page', async () => {
    const address = uniqueEmail('invitee-revoked');
    const id = expectStatus(await invite({ emails: [address], role: 'rapporteur' }), 201).body.results[0].invitation.id;
    const { token } = await mailTo(address);
    const revoked = expectStatus(await org.post(`/invitations/${id}/revoke`), 200, 'revoke').body;
    expect(revoked).toMatchObject({ id, status: 'revoked', revokedAt: expect.any(String) });
    const user = await register(address);
    const res = await user.client.post('/invitations/accept', { token });
    expectErrorShape(res, 410);
    expect(res.body.code).toBe('invitation_revoked');
    expect(expectStatus(await new Client(stack.api.url).post('/invitations/lookup', { token }), 200).body.status).toBe(
      'revoked',
    );
    expect(expectStatus(await user.client.get(`/roundtables/${roundtableId}`), 200).body.myRole).toBeNull();
    expectErrorShape(await org.post(`/invitations/${id}/revoke`), 409);
  });

  it('gives a whole-roundtable moderator invitation the roundtable role, and pages the list with a cursor', async () => {
    const address = uniqueEmail('invitee-moderator');
    expectStatus(await invite({ emails: [address], role: 'moderator', language: 'en' }), 201);
    const { mail, token } = await mailTo(address);
    expect(mail.subject).toMatch(/invites you to Rivers and towns/);
    expect(mail.text).toContain('as a moderator');
    const user = await register(address);
    const accepted = expectStatus(await user.client.post('/invitations/accept', { token }), 200).body;
    expect(accepted).toMatchObject({
      roundtableRole: true,
      role: 'moderator',
      landing: { kind: 'roundtable', id: roundtableId },
    });
    expect(expectStatus(await user.client.get(`/spaces/${spaceB}`), 200).body.myRole).toBe('moderator');
    expectStatus(await user.client.get(`/spaces/${spaceB}/moderation/queue`), 200, 'moderate space B');

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = expectStatus(
        await org.get(
          `/roundtables/${roundtableId}/invitations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ),
        200,
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    const total = (
      await stack.pg.query(`SELECT count(*)::int AS n FROM invitations WHERE roundtable_id = $1`, [roundtableId])
    ).rows[0].n;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 2));
    const onB = expectStatus(
      await org.get(`/roundtables/${roundtableId}/invitations?spaceId=${spaceB}&status=pending`),
      200,
    ).body.items;
    expect(
      onB.every(
        (i: { spaceIds: string[]; status: string }) =>
          i.status === 'pending' && (i.spaceIds.length === 0 || i.spaceIds.includes(spaceB)),
      ),
    ).toBe(true);
    expectErrorShape(await org.get(`/roundtables/${roundtableId}/invitations?cursor=not-a-cursor`), 400);
  }, 60_000);

  it('lets only organisers invite, list, revoke and resend (403; 401 without a token)', async () => {
    const id = (await stack.pg.query(`SELECT id FROM invitations WHERE roundtable_id = $1 LIMIT 1`, [roundtableId]))
      .rows[0].id;
    const before = (await stack.pg.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n;
    for (const user of [participant, moderator]) {
      expectErrorShape(
        await user.client.post(`/roundtables/${roundtableId}/invitations`, { emails: [uniqueEmail('nope')] }),
        403,
      );
      expectErrorShape(await user.client.get(`/roundtables/${roundtableId}/invitations`), 403);
      expectErrorShape(await user.client.post(`/invitations/${id}/revoke`), 403);
      expectErrorShape(await user.client.post(`/invitations/${id}/resend`), 403);
    }
    expectErrorShape(
      await new Client(stack.api.url).post(`/roundtables/${roundtableId}/invitations`, {
        emails: [uniqueEmail('nope')],
      }),
      401,
    );
    expectErrorShape(await new Client(stack.api.url).post('/invitations/accept', { token: tokens[newcomerB] }), 401);
    expect((await stack.pg.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n).toBe(before);
  });

  it('answers bad input with 400 and a message that says what is wrong, and invites nobody', async () => {
    const before = (await stack.pg.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n;
    const sevenBad = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ emails: [] }, /at least one address/],
      [{}, /emails must be a list/],
      [{ emails: 'amina@example.org' }, /emails must be a list/],
      [{ emails: ['amina@example.org', 'not an address', 'x@'] }, /not valid email addresses: "not an address", "x@"/],
      [{ emails: [42] }, /not valid email addresses: 42/],
      [{ emails: sevenBad }, /^emails: not valid email addresses: "a", "b", "c", "d", "e" and 2 more$/],
      [{ emails: Array.from({ length: 201 }, (_, i) => `many-${i}@example.org`) }, /at most 200 addresses/],
      [{ emails: ['amina@example.org'], role: 'organiser' }, /role must be one of: participant, rapporteur, moderator/],
      [{ emails: ['amina@example.org'], language: 'de' }, /language must be one of/],
      [{ emails: ['amina@example.org'], spaceIds: ['nope'] }, /each of spaceIds must be a UUID/],
      [{ emails: ['amina@example.org'], spaceIds: [spaceA] }, /not questions of this roundtable/],
      [{ emails: ['amina@example.org'], message: 'x'.repeat(2001) }, /at most 2000 characters/],
      [{ emails: ['amina@example.org'], extra: true }, /property extra should not exist/],
    ];
    // the organiser reads French: these ask for English
    for (const [body, message] of cases) {
      const rt = body.spaceIds?.toString() === spaceA ? otherRoundtableId : roundtableId;
      const res = await org.request('POST', `/roundtables/${rt}/invitations`, body, { 'accept-language': 'en' });
      expectErrorShape(res, 400);
      expect(messageOf(res)).toMatch(message);
    }
    // without Accept-Language the organiser is answered in French, as specifically as in English
    const inFrench: Array<[Record<string, unknown>, string]> = [
      [{ emails: [] }, 'emails doit contenir au moins une adresse'],
      [
        { emails: ['amina@example.org', 'not an address', 'x@'] },
        'emails : ces adresses e-mail ne sont pas valides : "not an address", "x@"',
      ],
      [{ emails: sevenBad }, 'emails : ces adresses e-mail ne sont pas valides : "a", "b", "c", "d", "e" et 2 autres'],
      [
        { emails: Array.from({ length: 201 }, (_, i) => `many-${i}@example.org`) },
        'emails : au plus 200 adresses par demande',
      ],
      [
        { emails: ['amina@example.org'], spaceIds: [spaceA, spaceA] },
        'spaceIds ne doit pas contenir deux fois la même question',
      ],
      [{ emails: ['amina@example.org'], message: 'x'.repeat(2001) }, 'message : au plus 2000 caractères'],
    ];
    for (const [body, message] of inFrench) {
      const res = await invite(body);
      expectErrorShape(res, 400);
      expect(res.headers.get('content-language')).toBe('fr');
      expect(res.body.message).toEqual([message]);
    }
    expectErrorShape(await invite({ emails: ['amina@example.org'] }, '00000000-0000-4000-8000-000000000000'), 404);
    for (const token of ['', 'short', 'x'.repeat(43)])
      expectErrorShape(await new Client(stack.api.url).post('/invitations/lookup', { token }), 404);
    expectErrorShape(await new Client(stack.api.url).post('/invitations/lookup', {}), 400);
    expect((await stack.pg.query(`SELECT count(*)::int AS n FROM invitations`)).rows[0].n).toBe(before);
  });

  it('refuses an expired link (expiry set through INVITATION_TTL_SECONDS), shows it as expired, and renews it when invited again', async () => {
    // the worker that sends counts the expiry: this one gives links one second
    await worker.close();
    stack.workers.splice(stack.workers.indexOf(worker), 1);
    await stack.startWorker({ INVITATION_TTL_SECONDS: '1' });
    const address = uniqueEmail('invitee-late');
    const id = expectStatus(await invite({ emails: [address], spaceIds: [spaceA] }), 201).body.results[0].invitation.id;
    const { token } = await mailTo(address);
    const anonymous = new Client(stack.api.url);
    await eventually(
      async () => (await anonymous.post('/invitations/lookup', { token })).body?.status === 'expired',
      10_000,
      'the link to expire',
    );
    const user = await register(address);
    const res = await user.client.post('/invitations/accept', { token });
    expectErrorShape(res, 410);
    expect(res.body.code).toBe('invitation_expired');
    expect(
      expectStatus(await org.get(`/roundtables/${roundtableId}/invitations?status=expired`), 200).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(id);
    expectErrorShape(await user.client.get(`/spaces/${spaceA}/contributions`), 403);
    // inviting the address again renews the same invitation with a new email
    const renewed = expectStatus(await invite({ emails: [address], spaceIds: [spaceA] }), 201).body;
    expect(renewed).toMatchObject({
      invited: 1,
      results: [{ outcome: 'invited', invitation: { id, delivery: { sends: 2 } } }],
    });
    await mailTo(address, 2);
  }, 60_000);
});
