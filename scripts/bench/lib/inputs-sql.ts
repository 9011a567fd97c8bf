// SQL that finds what the benchmark requests: the people of the large organisation and a case
// waiting for the busy supervisor with some history (two or more submissions, comments).

export const MEMBER_SQL = `
  select u.id as "userId", u.name as "userName", u.email as "userEmail", o.id as "orgId", o.name as "orgName",
         m.role, m.id as "membershipId"
  from users u
  join memberships m on m.user_id = u.id
  join organisations o on o.id = m.organisation_id and o.slug = $1
  where lower(u.email) = lower($2)`;

export const REVIEW_CASE_SQL = `
  select c.id
  from cases c
  join supervisions s on s.organisation_id = c.organisation_id and s.trainee_membership_id = c.author_membership_id
  where c.organisation_id = $1 and s.supervisor_membership_id = $2 and c.status = 'submitted' and c.submission_count >= 2
    and exists (select 1 from case_comments k where k.organisation_id = c.organisation_id and k.case_id = c.id)
  order by c.submitted_at, c.id
  limit 1`;

export const FIRST_LESSON_SQL = `
  select m.slug as "moduleSlug", l.slug as "lessonSlug"
  from modules m join lessons l on l.module_id = m.id and l.retired_at is null
  where m.retired_at is null
  order by m.position, l.position
  limit 1 offset 1`;
