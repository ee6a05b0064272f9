import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReviewCommentView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';

@Resolver('ReviewComment')
export class ReviewCommentResolver {
  @ResolveField('author')
  author(@Parent() comment: ReviewCommentView, @Context() context: RequestContext) {
    return context.loaders.organization.load(comment.authorId);
  }
}
