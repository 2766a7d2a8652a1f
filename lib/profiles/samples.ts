// MAGneT Studio's own sample clients: invented people and stories, written for this project in the
// intake-form layout of the MAGneT data set so that the same parser reads both.

import type { AttitudeName, CbtTechnique } from "@/lib/cbt/techniques";
import { attitudeInstructionFor } from "./attitudes";
import { buildProfileFromIntake } from "./build";
import type { ProfileData } from "./schema";

export interface SampleProfile {
  slug: string;
  attitude: AttitudeName;
  referenceTechniques: CbtTechnique[];
  intakeText: string;
  openingCounselor: string;
  openingClient: string;
}

/** Removes the indentation the source code adds to a multi-line template. */
function form(text: string): string {
  const lines = text.replace(/^\n/, "").trimEnd().split("\n");
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^ */)?.[0].length ?? 0);
  const indent = Math.min(...indents);
  return lines.map((line) => line.slice(indent)).join("\n");
}

export const SAMPLE_PROFILES: SampleProfile[] = [
  {
    slug: "amara-okafor",
    attitude: "positive",
    referenceTechniques: ["Changing Rules to Wishes", "Evidence-Based Questioning"],
    intakeText: form(`
      Name:
      Amara Okafor
      Age:
      34
      Gender:
      female
      Occupation: Pediatric nurse on a rotating night roster
      Education: Bachelor of Science in Nursing
      Marital Status: Engaged
      Family Details: Shares a flat with her fiancé; her mother and two younger brothers live nearby

      2. Presenting Problem
      I hold myself to a rule that a good nurse never makes a mistake, and I cannot let go of it.
      Three months ago I gave a child's medication forty minutes late during a chaotic shift. Nobody was harmed and my charge nurse called it a minor incident, but I replayed it for weeks.
      Since then I double- and triple-check every chart, stay after handover to review my notes, and lie awake going over what I might have missed.
      The checking has spread to home: I reread messages before sending them and apologise for small things.
      It happens most after night shifts, when I am tired and the ward has been busy.
      I tried keeping a list of everything I did right each shift, but I end up adding the things I could have done better.

      3. Reason for Seeking Counseling
      My fiancé pointed out that I have not enjoyed a day off in weeks, and I realised the rule I live by is wearing me down faster than the job itself.

      4. Past History (including medical history)
      I went through a similar stretch of over-checking during my final nursing exams, which eased once I qualified.
      I have never had counseling or taken medication for my mood.
      I have mild asthma that is well controlled.

      5. Academic/occupational functioning level: My ward reviews are good, but I am slower than I used to be because of the extra checking, and I often leave an hour late.
      Interpersonal relationships: I have become irritable with my fiancé when he interrupts my checking, and I have skipped two family dinners to catch up on sleep.
      Daily life: My sleep after night shifts is broken and I rarely exercise any more.

      6. Social Support System
      My fiancé and my mother are supportive, and a colleague on the ward has admitted she feels the same pressure, though we have only joked about it.
    `),
    openingCounselor:
      "Good evening, Amara. Thanks for coming in after what sounds like a long week. What would you like us to start with?",
    openingClient:
      "Thank you for fitting me in. I think I need help loosening my grip on work. I made one late medication round months ago and I still treat every shift like I'm about to make a terrible error.",
  },
  {
    slug: "tomasz-wierzbicki",
    attitude: "positive",
    referenceTechniques: ["Systematic Exposure", "Behavior Experiment"],
    intakeText: form(`
      Name:
      Tomasz Wierzbicki
      Age:
      58
      Gender:
      male
      Occupation: City bus driver
      Education: Secondary school and a professional driving licence
      Marital Status: Married
      Family Details: Wife of thirty years; a grown daughter who lives abroad

      2. Presenting Problem
      Since a lorry cut across my lane on the ring road last winter, I dread driving on fast roads.
      At work I have swapped my routes for ones that stay inside the city, and at weekends my wife drives whenever we leave town.
      Before any journey that includes the ring road my heart races, my hands sweat, and I picture the lorry again.
      The fear has grown over the past six months; at first it was only the same junction, now it is any dual carriageway.
      I have tried breathing slowly and playing the radio loud, which helps a little inside the city but not on the ring road.

      3. Reason for Seeking Counseling
      The depot is changing the rota in spring and every driver will have to take the airport line, which runs on the ring road. I want to be ready rather than call in sick.

      4. Past History
      Nothing like this has happened to me before; I have driven professionally for twenty-five years.
      I have not had counseling before.
      My blood pressure is treated with a daily tablet.

      5. Occupational Functioning Level: I still drive full shifts, but only because colleagues have agreed to swap routes with me, and I worry about asking again.
      Interpersonal relationships: My wife is patient, but we have cancelled visits to friends outside the city.
      Daily life: I sleep less well before early shifts and check the traffic news many times a day.

      6. Social Support System
      My wife and an old friend from the depot know about the fear and encourage me. I have not told my supervisor.
    `),
    openingCounselor:
      "Hello Tomasz, welcome. I understand the ring road has become difficult for you. Where would you like to begin?",
    openingClient:
      "Hello, and thank you. Yes, since the near miss last winter I can't face fast roads, and in spring I'll have to drive the airport line. I want to sort this out properly before then.",
  },
  {
    slug: "priya-raman",
    attitude: "positive",
    referenceTechniques: ["Evidence-Based Questioning", "Continuum Technique"],
    intakeText: form(`
      Name:
      Priya Raman
      Age:
      19
      Gender:
      female
      Occupation: First-year architecture student
      Education: Currently at university; top marks in her final school exams
      Marital Status: Single
      Family Details: Lives in student housing; parents and grandmother at home three hours away

      2. Presenting Problem
      After my first design review, where the tutors criticised my model in front of the studio, I decided I have no talent for architecture.
      Now I see every comment as proof that I was admitted by mistake, even when the tutors also point out strengths.
      I compare my drawings with those of two classmates who have worked in offices, and mine always seem clumsy.
      This started in the first term and is worse in the week before each review.
      I have tried working through the night to make my models perfect, which leaves me exhausted on review day.

      3. Reason for Seeking Counseling
      I have started thinking about switching courses even though I love the subject, and I want to know whether that is a real decision or just fear talking.

      4. Past History (including medical history)
      At school I was anxious before exams but always did well, so it never felt like a problem.
      I have not seen a counselor before.
      I have no physical health conditions.

      5. Academic/occupational functioning level: My grades are average for the year, but I submit late work because I keep redoing it.
      Interpersonal relationships: I avoid the studio when others are there so they cannot see my work in progress.
      Daily life: I skip meals during deadline weeks and sleep about five hours a night.

      6. Social Support System
      My grandmother calls every Sunday and my flatmate is kind, but my parents are proud of me and I do not want to worry them.
    `),
    openingCounselor: "Hi Priya, I'm glad you reached out. What's been on your mind lately?",
    openingClient:
      "Hi. It's my course, really. I got torn apart at my first design review and since then I keep thinking I just don't have any talent for architecture, even though I love it.",
  },
  {
    slug: "daniel-ferreira",
    attitude: "positive",
    referenceTechniques: ["Pros and Cons Analysis", "Problem-Solving Skills Training"],
    intakeText: form(`
      Name:
      Daniel Ferreira
      Age:
      41
      Gender:
      male
      Occupation: Owner of a neighbourhood bakery
      Education: Vocational diploma in baking and pastry
      Marital Status: Married
      Family Details: Wife who does the bakery's accounts; two children aged eight and eleven

      2. Presenting Problem
      A property next to my bakery has come up for lease and I have to decide within two months whether to expand into it.
      Every time I sit down to think it through I get overwhelmed, jump between the reasons, and end up doing nothing.
      I tell myself that if I choose wrong I will ruin the business my family depends on.
      The indecision began when the landlord first mentioned the lease four weeks ago and has been getting worse as the deadline approaches.
      I have asked friends for advice, but each one says something different and I feel more confused.

      3. Reason for Seeking Counseling
      My wife suggested counseling after I snapped at a customer over nothing. I want a clear way to make this decision and others like it.

      4. Past History (including medical history)
      I have always found big decisions hard, but I have never sought help for it.
      No previous counseling.
      I had knee surgery two years ago and still have some pain when standing for long hours.

      5. Academic/occupational functioning level: The bakery is running fine day to day, but I have put off ordering equipment and hiring because they depend on the decision.
      Interpersonal relationships: I talk about the lease constantly at home, and my children have started teasing me about it.
      Daily life: I wake at three every morning for the ovens and then cannot get back to sleep on my days off.

      6. Social Support System
      My wife is my main support and an older baker I trained under is happy to talk, though I have not asked him about this yet.
    `),
    openingCounselor: "Welcome, Daniel. It's good to meet you. What brings you here today?",
    openingClient:
      "Thanks for having me. There's a shop next to my bakery up for lease and I have to decide whether to expand. I go round in circles every night and I can't land anywhere.",
  },
  {
    slug: "hana-sato",
    attitude: "neutral",
    referenceTechniques: ["Reality Testing", "Behavior Experiment"],
    intakeText: form(`
      Name:
      Hana Sato
      Age:
      27
      Gender:
      female
      Occupation: Software quality assurance tester, fully remote
      Education: Bachelor's degree in computer science
      Marital Status: In a relationship
      Family Details: Lives with her partner and a cat; parents live in another country

      2. Presenting Problem
      In team video calls I am convinced everyone thinks I am boring, so I keep my camera off and say as little as possible.
      When I do speak, I spend the rest of the day replaying what I said and deciding it sounded stupid.
      This began when I joined my current company a year ago and has become stronger since a new manager started running the weekly demo.
      I skip optional team events and have turned down two invitations to meet colleagues in person.
      I have tried writing down what I want to say in advance, but then I worry that I sound rehearsed.

      3. Reason for Seeking Counseling
      My manager said in my review that she would like to hear more from me, and I am worried my silence will cost me a promotion.

      4. Past History (including medical history)
      I was shy as a teenager and found group projects at university stressful.
      I saw a university counselor twice for exam stress but did not continue.
      I have frequent tension headaches.

      5. Academic/occupational functioning level: My written bug reports are praised, but I am rarely credited in meetings and I let others present my findings.
      Interpersonal relationships: I am relaxed with my partner and one old friend; with colleagues I keep things strictly to work.
      Daily life: I spend evenings going over the day's calls and find it hard to switch off.

      6. Social Support System
      My partner is understanding but thinks I should just speak up more, which does not feel helpful. My parents are supportive over video calls but far away.
    `),
    openingCounselor: "Hi Hana, thanks for joining. What would you like to talk about today?",
    openingClient:
      "Um, hi. My manager wants me to speak up more in meetings, so here I am. I'm not sure this is really a counseling thing, but I do freeze on team calls.",
  },
  {
    slug: "marcus-bell",
    attitude: "neutral",
    referenceTechniques: ["Pie Chart Technique", "Alternative Perspective"],
    intakeText: form(`
      Name:
      Marcus Bell
      Age:
      46
      Gender:
      male
      Occupation: Shift supervisor at a distribution centre
      Education: High school diploma and a forklift instructor certificate
      Marital Status: Divorced
      Family Details: Shares custody of a fifteen-year-old son who stays with him every other week

      2. Presenting Problem
      My son is failing three subjects this year and I am sure it is entirely my fault.
      I think that if I had not worked so many night shifts after the divorce he would be doing fine.
      The feeling started when his school called in October and gets worse every time a report arrives.
      On my weeks with him I either lecture him about homework or let everything slide because I feel guilty, and neither works.
      I have tried hiring a tutor, but my son stopped going after a month.

      3. Reason for Seeking Counseling
      My ex-wife and I agreed to get help separately so we stop blaming each other, and I want to be steadier for my son.

      4. Past History (including medical history)
      I had a few months of low mood after the divorce four years ago but did not get help for it.
      No previous counseling.
      I have type 2 diabetes, managed with medication.

      5. Academic/occupational functioning level: Work is fine; I am reliable and my team respects me.
      Interpersonal relationships: Conversations with my ex-wife turn into arguments about our son, and I avoid his teachers.
      Daily life: On my weeks alone I work extra shifts so I do not have to think about it.

      6. Social Support System
      My brother and I talk most weekends, though mostly about sport. I have a few friends from work but do not discuss family matters with them.
    `),
    openingCounselor:
      "Good afternoon, Marcus. I'm glad you made it in. What's going on for you at the moment?",
    openingClient:
      "Afternoon. It's my son, mostly. He's failing half his classes and, honestly, I know it's on me. My ex and I agreed to both talk to someone, so, well, here I am.",
  },
  {
    slug: "lucia-mendoza",
    attitude: "neutral",
    referenceTechniques: ["Decatastrophizing"],
    intakeText: form(`
      Name:
      Lucía Mendoza
      Age:
      63
      Gender:
      female
      Occupation: Retired school librarian
      Education: Master's degree in library science
      Marital Status: Widowed
      Family Details: Looks after her two grandchildren, aged four and six, three afternoons a week

      2. Presenting Problem
      When I look after my grandchildren I imagine terrible accidents: a fall from the climbing frame, choking on a grape, a car on the way to school.
      Once one of these pictures starts I cannot stop the chain, and I end up certain that something awful will happen and that it will be my fault.
      This began last spring after my grandson cut his forehead in the park and needed stitches.
      I now cut all their food into tiny pieces, avoid the park and keep them indoors when it is windy.
      I have tried telling myself that children get hurt all the time, but the images come back as soon as they leave my sight.

      3. Reason for Seeking Counseling
      My daughter gently told me that the children have started to say "Granny is scared", and I do not want them to learn fear from me.

      4. Past History (including medical history)
      After my husband died five years ago I had a period of grief counseling, which helped.
      I have no other history of anxiety.
      I have arthritis in both hands.

      5. Academic/occupational functioning level: Not applicable; I am retired.
      Interpersonal relationships: My daughter and I have had tense conversations about what the children are allowed to do.
      Daily life: I check the news for accidents involving children and feel drained after each afternoon with them.

      6. Social Support System
      I have a close friend from my book club and a good relationship with my daughter, although this topic is sensitive between us.
    `),
    openingCounselor: "Hello Lucía, welcome. I'd like to hear what brought you here today.",
    openingClient:
      "Hello. My daughter thinks I worry too much about the grandchildren. Maybe she's right, maybe not. I keep picturing accidents whenever they're with me.",
  },
  {
    slug: "kwame-asante",
    attitude: "neutral",
    referenceTechniques: ["Efficiency Evaluation", "Changing Rules to Wishes"],
    intakeText: form(`
      Name:
      Kwame Asante
      Age:
      31
      Gender:
      male
      Occupation: Sous-chef at a busy city restaurant
      Education: Culinary school diploma
      Marital Status: Single
      Family Details: Lives alone; his parents and older sister run a catering business in his home town

      2. Presenting Problem
      I believe that resting means I am lazy, so I work six days a week and spend my day off testing recipes.
      If I sit on the sofa for an evening I feel guilty and tell myself that other chefs are getting ahead of me.
      This belief has been with me since culinary school but has become extreme since I was promoted a year ago.
      Lately I am making small mistakes on the line, forgetting orders and burning sauces, which makes me push harder.
      I tried taking a week of holiday but spent it working shifts at my family's catering business.

      3. Reason for Seeking Counseling
      My head chef sent me home last Friday after I nearly cut myself badly from exhaustion, and he told me to talk to someone.

      4. Past History (including medical history)
      I have never been treated for a psychological problem.
      I had a burn on my forearm last year that needed a skin graft.
      I have no ongoing physical illness.

      5. Academic/occupational functioning level: My cooking is still strong, but my speed and accuracy during service have dropped.
      Interpersonal relationships: I have lost touch with friends outside the kitchen and my last relationship ended because I was never available.
      Daily life: I sleep about five hours, eat standing up, and have not exercised in months.

      6. Social Support System
      My sister checks on me by phone, and a line cook I trust has noticed I am struggling. I have not told my parents.
    `),
    openingCounselor: "Hi Kwame, nice to meet you. What made you decide to come in?",
    openingClient:
      "My head chef told me to, to be honest. I nearly sliced my hand open last week because I was wrecked. I don't really think I work too much, but apparently everyone else does.",
  },
  {
    slug: "rhys-morgan",
    attitude: "negative",
    referenceTechniques: ["Alternative Perspective", "Problem-Solving Skills Training"],
    intakeText: form(`
      Name:
      Rhys Morgan
      Age:
      52
      Gender:
      male
      Occupation: Unemployed, formerly a print technician for twenty-two years
      Education: Technical college certificate in printing
      Marital Status: Married
      Family Details: Wife who works as a dental receptionist; a son at university

      2. Presenting Problem
      The print works closed eight months ago and I am convinced that nobody will hire a man of my age with my skills.
      I tell myself that I am finished and that my family would be better off if I were not such a burden.
      I have applied for a handful of jobs and heard nothing back, which to me proves the point.
      Most days I stay in my dressing gown until the afternoon and watch television.
      The job centre suggested a retraining course, but I walked out of the first session because everyone else was half my age.

      3. Reason for Seeking Counseling
      My wife booked this appointment and said she would not keep covering for me with our son. I agreed to come mainly to keep the peace.

      4. Past History (including medical history)
      I have never had problems like this before; I always worked.
      I have not had counseling.
      I have back pain from years of lifting paper rolls and my doctor has told me to lose weight.

      5. Academic/occupational functioning level: Not working; I have stopped looking regularly.
      Interpersonal relationships: My wife and I argue about money and about me being at home all day; I avoid old colleagues.
      Daily life: My sleep is irregular, I drink more beer than I used to and I rarely leave the house.

      6. Social Support System
      My wife is still on my side even if we argue. A former colleague texts me now and then, but I do not reply.
    `),
    openingCounselor: "Hello Rhys, thank you for coming in. How are things for you at the moment?",
    openingClient:
      "Not great, obviously, or I wouldn't be here. My wife made the appointment. I lost my job and nobody's going to take on a fifty-two-year-old printer, so I don't see what talking does.",
  },
  {
    slug: "nadia-haddad",
    attitude: "negative",
    referenceTechniques: ["Continuum Technique", "Evidence-Based Questioning"],
    intakeText: form(`
      Name:
      Nadia Haddad
      Age:
      24
      Gender:
      female
      Occupation: Part-time retail assistant, looking for work in marketing
      Education: Bachelor's degree in marketing
      Marital Status: Single
      Family Details: Moved back in with her parents and younger sister after graduating

      2. Presenting Problem
      I think I am a complete failure because my friends from university have real jobs and their own flats while I fold jumpers and live in my old bedroom.
      I scroll through their posts every night and feel worse each time, but I cannot stop.
      This started after graduation last year, when the first round of my job applications was rejected.
      I now apply for fewer jobs, because each rejection feels like more evidence.
      I tried deleting social media for a week but reinstalled it after two days.

      3. Reason for Seeking Counseling
      My sister found me crying in the car after work and told our parents, who insisted I see someone.

      4. Past History (including medical history)
      I struggled with low mood in my last year of school and saw the school nurse a few times.
      No formal counseling or medication.
      I get migraines several times a month.

      5. Academic/occupational functioning level: I do my shifts but have stopped applying for marketing roles except occasionally.
      Interpersonal relationships: I have muted most of my university friends and make excuses not to see them.
      Daily life: I stay up late scrolling and sleep in on my days off.

      6. Social Support System
      My sister is close to me, and my parents mean well but ask about job applications constantly, which I find hard.
    `),
    openingCounselor: "Hi Nadia, welcome. I'm glad you're here. What would you like to talk about?",
    openingClient:
      "I'm only here because my parents made a big deal of it. Everyone I graduated with has their life sorted and I'm folding jumpers. There's not much to talk about, really.",
  },
  {
    slug: "gordon-pike",
    attitude: "negative",
    referenceTechniques: ["Systematic Exposure", "Reality Testing"],
    intakeText: form(`
      Name:
      Gordon Pike
      Age:
      72
      Gender:
      male
      Occupation: Retired electrician
      Education: Apprenticeship and trade qualification
      Marital Status: Married
      Family Details: Wife, three adult children and seven grandchildren who gather for Sunday lunch

      2. Presenting Problem
      Since I was fitted with hearing aids last year I avoid family gatherings because I am sure I will mishear someone and make a fool of myself.
      At the last birthday party I answered a question nobody had asked and one of the grandchildren laughed; I left early and have not been back since.
      I tell my wife I am too tired or that my back hurts, but the truth is I dread the noise and the embarrassment.
      I leave my hearing aids in the drawer most days because they remind me that I am getting old.
      My wife has tried to bring the family to our house in small groups, but I still go quiet and find reasons to go to the shed.

      3. Reason for Seeking Counseling
      My GP asked about my mood at a check-up and suggested counseling. I said yes to stop the questions.

      4. Past History
      I have not had anything like this before and have never been to a counselor.
      I had a heart stent fitted four years ago and take medication for it.
      My hearing loss is moderate in both ears.

      5. Occupational Functioning Level: Retired, but I used to do small jobs for neighbours and have stopped.
      Interpersonal relationships: My wife is frustrated with me and my eldest daughter has asked whether I am angry with her.
      Daily life: I spend most of the day in my shed or in front of the television and rarely go out.

      6. Social Support System
      My wife is supportive though tired of making excuses for me. I used to meet two old workmates at the pub but have stopped going.
    `),
    openingCounselor:
      "Good morning, Gordon. Thank you for coming. What would be most useful to talk about today?",
    openingClient:
      "Morning. The doctor sent me. I don't know what you're meant to do about it. I can't hear properly, my family talks over each other, and I'd rather stay home. That's about it.",
  },
  {
    slug: "jess-whitfield",
    attitude: "negative",
    referenceTechniques: ["Decatastrophizing", "Pie Chart Technique"],
    intakeText: form(`
      Name:
      Jess Whitfield
      Age:
      38
      Gender:
      non-binary
      Occupation: Freelance illustrator for children's books
      Education: Bachelor of Arts in illustration
      Marital Status: Living with a long-term partner
      Family Details: Partner works as a paramedic; no children; a dog called Biscuit

      2. Presenting Problem
      I missed a deadline for a picture book last month after a bout of flu, and since then I am certain my publisher will drop me and word will spread until nobody hires me again.
      I check my email dozens of times a day expecting a cancellation, and every short reply from an editor feels like a sign.
      I keep calculating how many months we could pay the rent if all my work dried up.
      The fear began with the missed deadline but has spread to every project, even ones with clients who have worked with me for years.
      I have tried working longer days to get ahead of schedule, but I end up redrawing the same pages.

      3. Reason for Seeking Counseling
      My partner came home from a night shift to find me still at the desk at six in the morning and asked me to get help. I doubt it will change anything, but I agreed.

      4. Past History (including medical history)
      I had panic attacks in my twenties when I was between jobs and took a short course of medication.
      I did a few sessions of counseling back then and did not find them useful.
      I am otherwise in good health.

      5. Academic/occupational functioning level: My output has slowed because I redraw pages many times, and I have declined a new commission out of fear of failing it.
      Interpersonal relationships: I have been short with my partner and have stopped going to the monthly illustrators' meetup.
      Daily life: I barely walk the dog beyond the end of the street and my sleep is erratic.

      6. Social Support System
      My partner is caring but works long shifts. A fellow illustrator is a good friend, but I feel embarrassed to tell her about the missed deadline.
    `),
    openingCounselor: "Hi Jess, thanks for coming in. What's been happening that made you want to talk?",
    openingClient:
      "My partner wanted me to. I missed one deadline and now I'm pretty sure my career's over, so. I don't really see how talking about it fixes that.",
  },
];

export function sampleExternalKey(slug: string): string {
  return `sample:${slug}`;
}

export function sampleProfileInputs(): ProfileData[] {
  return SAMPLE_PROFILES.map((sample) =>
    buildProfileFromIntake({
      externalKey: sampleExternalKey(sample.slug),
      source: "sample",
      intakeText: sample.intakeText,
      attitude: sample.attitude,
      attitudeInstruction: attitudeInstructionFor(sample.attitude),
      openingCounselor: sample.openingCounselor,
      openingClient: sample.openingClient,
      referenceTechniques: sample.referenceTechniques,
    }),
  );
}
