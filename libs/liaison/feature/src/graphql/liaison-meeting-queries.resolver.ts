import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LiaisonMeetingQueries, LiaisonMeetingView } from '@coord/read-model';
import { RequestContext } from '@coord/runtime';

@Resolver('LiaisonMeeting')
export class LiaisonMeetingQueriesResolver {
  constructor(private readonly liaison: LiaisonMeetingQueries) {}

  @Query('liaisonMeeting')
  liaisonMeeting(@Args('id') id: string) {
    return this.liaison.meetingById(id);
  }

  @Query('liaisonMeetings')
  liaisonMeetings(@Args('adminCode') adminCode: string | null, @Args('from') from: string | null, @Args('to') to: string | null) {
    return this.liaison.meetings({ adminCode, from, to });
  }

  @ResolveField('host')
  host(@Parent() meeting: LiaisonMeetingView, @Context() context: RequestContext) {
    return context.loaders.organization.load(meeting.hostId);
  }

  @ResolveField('location')
  location(@Parent() meeting: LiaisonMeetingView, @Context() context: RequestContext) {
    return context.loaders.location.load(meeting.locationPcode);
  }
}
