import { BadRequestException } from '@nestjs/common';
import { PageQueryDto } from './page-query.dto';
import { QueryValidationPipe } from './query-validation-pipe';

describe('QueryValidationPipe', () => {
  const options = { whitelist: true, forbidNonWhitelisted: true, transform: true };
  const query = { type: 'query' as const, metatype: PageQueryDto };

  it('gives the same DTO for the same query, a copy each time', async () => {
    const pipe = new QueryValidationPipe(options);
    const first = (await pipe.transform({ limit: '20', cursor: 'abc' }, query)) as PageQueryDto;
    const again = (await pipe.transform({ limit: '20', cursor: 'abc' }, query)) as PageQueryDto;
    expect(first).toBeInstanceOf(PageQueryDto);
    expect(again).toBeInstanceOf(PageQueryDto);
    expect(again).toEqual({ limit: 20, cursor: 'abc' });
    expect(again).not.toBe(first);
    again.limit = 99; // a handler may change what it got: the next request does not see it
    expect(await pipe.transform({ limit: '20', cursor: 'abc' }, query)).toEqual({ limit: 20, cursor: 'abc' });
  });

  it('validates a query it has not seen, and refuses a bad one every time', async () => {
    const pipe = new QueryValidationPipe(options);
    expect(await pipe.transform({ limit: '5' }, query)).toEqual({ limit: 5 });
    for (let i = 0; i < 2; i++) {
      await expect(pipe.transform({ limit: '500' }, query)).rejects.toBeInstanceOf(BadRequestException);
      await expect(pipe.transform({ limit: '5', extra: '1' }, query)).rejects.toBeInstanceOf(BadRequestException);
    }
  });

  it('validates bodies every time', async () => {
    const pipe = new QueryValidationPipe(options);
    const body = { type: 'body' as const, metatype: PageQueryDto };
    expect(await pipe.transform({ limit: '5' }, body)).toEqual({ limit: 5 });
    const validate = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    await pipe.transform({ limit: '5' }, body);
    await pipe.transform({ limit: '5' }, query);
    await pipe.transform({ limit: '5' }, query);
    expect(validate).toHaveBeenCalledTimes(2); // the body, and the query once
  });
});
