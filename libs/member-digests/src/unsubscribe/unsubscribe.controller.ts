import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@roundtable/core';
import { Access } from '@roundtable/identity';
import { renderUnsubscribePage } from './unsubscribe-page';
import { UnsubscribedDto, UnsubscribeQueryDto } from './unsubscribe-query.dto';
import { Unsubscriptions } from './unsubscriptions';

const HTML = 'text/html; charset=utf-8';

/** The address in every digest's `List-Unsubscribe` header. Public: the signed token is the credential. */
@ApiTags('digests')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscriptions: Unsubscriptions) {}

  @Get()
  @Access('public')
  @ApiOperation({ summary: 'Confirmation page with an unsubscribe button; never unsubscribes by itself' })
  @ApiProduces('text/html')
  async page(
    @Query() query: UnsubscribeQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.type(HTML).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    try {
      const member = await this.unsubscriptions.member(query.token);
      return renderUnsubscribePage(
        { kind: 'confirm', token: query.token!, email: member.email ?? '' },
        member.preferredLanguage,
      );
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      void reply.status(err.status);
      return renderUnsubscribePage({ kind: 'invalid' }, Unsubscriptions.languageOf(acceptLanguage));
    }
  }

  @Post()
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058): turns the weekly digest off; 200, no redirect' })
  @ApiOkResponse({ type: UnsubscribedDto })
  @ApiProduces('application/json', 'text/html')
  async unsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribedDto | string> {
    const member = await this.unsubscriptions.unsubscribe(query.token);
    void reply.header('cache-control', 'no-store');
    if (accept?.includes('text/html')) {
      // the confirmation page's button: answer with a page, not JSON
      void reply.type(HTML);
      return renderUnsubscribePage(
        { kind: 'done', email: member.email ?? '', settingsUrl: this.unsubscriptions.settingsUrl },
        member.preferredLanguage,
      );
    }
    return { unsubscribed: true, digest: 'off' };
  }
}
