"""English: the words people use for absence dates."""

from ..period_words import PeriodWords, counted
from ..words import Vocab, extended, indexed, phrases, valued, word_set

VOCAB = Vocab(
    code="en",
    months=indexed(
        "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
        "|september sep sept|october oct|november nov|december dec",
        1,
    ),
    weekdays=indexed(
        "monday mon|tuesday tue tues|wednesday wed weds|thursday thu thur thurs|friday fri"
        "|saturday sat|sunday sun",
        0,
    ),
    days=valued(
        "today=0|eod=0|tomorrow=1|tmrw=1|tmr=1|tmw=1|tomorow=1|tommorow=1|2morrow=1"
        "|day after tomorrow=2|the day after tomorrow=2|yesterday=-1"
    ),
    numbers=indexed("a an one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve", 1),
    units=valued("day=day|days=day|week=week|weeks=week|hour=hour|hours=hour|hrs=hour|hr=hour"),
    spans=valued(
        "next week=next_week|this week=this_week|this weekend=weekend|the weekend=weekend"
        "|weekend=weekend|next weekend=next_weekend|week after next=week_after_next"
        "|rest of the week=this_week|rest of this week=this_week|all week=this_week"
        "|next month=next_month|this month=this_month|last week=last_week"
        "|last month=last_month|end of the month=end_of_month|end of month=end_of_month"
        "|eom=end_of_month|end of the year=end_of_year|end of year=end_of_year|eoy=end_of_year"
        "|rest of the year=rest_of_year"
    ),
    fillers=word_set("the on of whole entire all inclusive incl"),
    modifiers=word_set("next this coming"),
    now=phrases("now|right now"),
    permanent=phrases(
        "until further notice|till further notice|til further notice|indefinitely"
        "|permanently|for good|for the foreseeable future|until i'm back|until i return"
    ),
    starts=phrases("from|starting|starting on|starting from|beginning|between|as of|effective"),
    to=phrases("to|until|till|til|through|thru|-|and"),
    until=phrases("until|till|til|through|thru|up to|up until|to|until and including"),
    back=phrases(
        "back on|back|returning on|returning|return on|returns on|back in on|i'm back on"
        "|i'm back|back in the office on|back in the office|back at work on|back at work"
        "|in the office again on|in the office again|in office again on|back online on"
        "|back online|returning to the office on|returning to work on|return to work on"
    ),
    durations=phrases("for"),
    within=phrases("in"),
    at=phrases("at|@"),
    noon=phrases("noon|midday"),
    midnight=phrases("midnight"),
    reasons=phrases(
        "pto|ooo|out of office|out of the office|out|off|away|on vacation|vacation|on holiday"
        "|on holidays|holiday|holidays|on leave|leave|on parental leave|parental leave"
        "|maternity leave|paternity leave|on sick leave|sick leave|sick|out sick|off sick"
        "|traveling|travelling|on a business trip|business trip|on a trip|at a conference"
        "|conference|offsite|i'm|i am|i'll be|i will be|will be|i'm off|taking|taking off"
        "|day off|days off|time off|off work|wfh|doctor's appointment|appointment"
        "|jury duty|bereavement|family emergency|training|not available|unavailable|afk"
        "|gone|annual leave|on annual leave|on pto|personal day|moving day|be|i'll|i"
        "|probably|likely|expected|hopefully|tentatively"
    ),
    # Sentences: words that change what a date means (never ignored), and known words
    # that are ordinary in a sentence (cut like reasons).
    qualifiers=phrases(
        "every|each|within|not|except|excluding|but|before|after|early|late|mid|around|or|ago"
        "|prior|weekly|daily|last|maybe|either|nor|evening|night|tonight|tonite"
        "|overnight|lunch|lunchtime|mondays|tuesdays|wednesdays|thursdays|fridays"
        "|saturdays|sundays|weekdays|weekends|mornings|afternoons|evenings|nights|by"
        "|since|ending|leaving"
    ),
    ordinary=phrases("may be|might be"),
    ahead=phrases("from|after"),
    bare_day_ranges=False,
    month_marks=phrases("in|in the month of|month of|whole month of|entire month of"),
    halves=valued(
        "morning=00:00 - 12:00|in the morning=00:00 - 12:00|this morning=today 00:00 - 12:00|"
        "afternoon=12:00 - 24:00|in the afternoon=12:00 - 24:00|"
        "this afternoon=today 12:00 - 24:00"
    ),
)

# Issue 19 vocabulary: periods, returns, end-of-day idioms and spellings people write.
VOCAB = extended(
    VOCAB,
    halves=valued("the rest of the day off=today|rest of the day off=today"),
    hour_starts=phrases("from"),
    # The week commencing a day is the seven days from it.
    rewrites={
        r"(?<!\S)(?:w/c|w/b|week\s+commencing|week\s+beginning)(?!\S)": "1 week starting",
        # Bare hours after the afternoon are its own: afternoon from 1 to 5 is 13:00 to 17:00.
        r"(?<!\S)(?:in\s+the\s+)?afternoon\s+from\s+([1-6])\s+(?:to|until|till)\s+"
        r"([2-9]|1[01])(?!\S)": (r"from \1pm to \2pm"),
    },
    days=valued(
        "end of day=0|end of the day=0|end of today=0|close of business=0|cob=0|eob=0"
        "|2moro=1|2mrw=1|tmrow=1|tmro=1|tommorrow=1|tomorrrow=1|tmorrow=1"
    ),
    spans=valued(
        "month after next=month_after_next|the month after next=month_after_next"
        "|whole week=this_week|the whole week=this_week|entire week=this_week"
        "|the entire week=this_week|the whole week after next=week_after_next"
        "|whole week after next=week_after_next|the entire week after next=week_after_next"
        "|rest of the day=today|the rest of the day=today"
        "|rest of today=today|the rest of today=today|wknd=weekend|this wknd=weekend"
        "|the wknd=weekend|next wknd=next_weekend|wkend=weekend|this wkend=weekend"
        "|next wk=next_week|nxt wk=next_week|nxt week=next_week|this wk=this_week"
        "|this coming week=next_week|the coming week=next_week|the coming weekend=weekend"
        "|nextweek=next_week|thisweek=this_week|nextmonth=next_month|thisweekend=weekend"
        "|the rest of the month=this_month|rest of the month=this_month"
        "|rest of this month=this_month|the rest of this month=this_month"
    ),
    reasons=phrases(
        # Not being in is being away: a negated presence names the absence.
        "won't be in|will not be in|won't be around|won't be here|"
        "vacay|on vacay|dayoff|day-off|ooo-ing|oooing|ooo'ing|pto-ing|out-of-office|off-sick"
        "|vacationing|holidaying|hols|on hols|on my hols"
    ),
    units=valued("wk=week|wks=week"),
    back=phrases(
        "return|i'll return|i'll return on|i will return|i will return on|i'll be back"
        "|i will be back|be back|back at my desk|back at my desk on"
        # "off on the 24th and back on the 29th": the "and" joins the return, never a range.
        "|and back on|and back|and i'm back on|and i'll be back on|and will be back on"
    ),
)
PERIODS = PeriodWords(
    next=phrases("next|next year's"),
    half=phrases("half"),
    last=phrases("last|final"),
    of=phrases("of|in"),
    ordinals=counted("first=1"),
    years=counted("this year=0|the year=0|year=0|next year=1|the coming year=1"),
    whole_day=phrases("allday|all-day|all day|the whole day|whole day|all day long|the entire day"),
    months=counted("the month=0|month=0"),
)
