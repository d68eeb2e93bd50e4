/**
 * The studio's "New" scenario: the smallest story that shows the format's main parts — three
 * decisions, a timed choice (`after`, in milliseconds), a choice that does harm, a branch guarded on a
 * variable, and three endings (good, mixed, poor). It passes the checker; the library's house rules
 * then suggest what a shipped scenario adds.
 */
export const TEMPLATE_ID = 'my-scenario';

const choice = (label: string, feedback: string, tactics: Record<string, number>, extra: object = {}) => ({
  label,
  feedback,
  tactics,
  ...extra,
});

export const TEMPLATE = {
  id: TEMPLATE_ID,
  initial: 'kitchen',
  context: { trust: 0 },
  meta: {
    format: 1,
    title: 'My scenario',
    setting: 'workplace',
    summary: 'A colleague makes a remark about a new starter in the office kitchen.',
    contentNote: 'A sexual remark at work. No violence.',
    minutes: 3,
    language: 'en',
  },
  states: {
    kitchen: {
      meta: {
        narrative: ['In the office kitchen, a colleague comments on a new starter’s body while she makes tea.'],
        prompt: 'What do you do?',
        stage: 'notice',
        discussion: ['What told you the remark was unwelcome?'],
      },
      on: {
        ASK_HELP: {
          target: 'desk',
          actions: [{ type: 'add', params: { var: 'trust', by: 1 } }],
          meta: choice('Ask her to help you carry the mugs.', 'A simple task takes her out of the moment.', {
            distract: 2,
          }),
        },
        LAUGH: {
          target: 'desk',
          meta: choice(
            'Laugh along.',
            'Laughing tells him the remark is welcome here.',
            {},
            {
              harm: 2,
              barrier: 'fearOfJudgement',
            },
          ),
        },
      },
      after: {
        '20000': {
          target: 'desk',
          meta: choice(
            'You say nothing.',
            'Silence left her on her own with it.',
            {},
            {
              timeout: true,
              barrier: 'notSure',
            },
          ),
        },
      },
    },
    desk: {
      meta: {
        narrative: ['Back at her desk, she looks shaken.'],
        prompt: 'What now?',
        stage: 'act',
        discussion: ['What could you say to her?'],
      },
      on: {
        CHECK_IN: {
          target: 'later',
          actions: [{ type: 'add', params: { var: 'trust', by: 1 } }],
          meta: choice('Ask her quietly if she is all right.', 'Checking in tells her she is not alone.', {
            delay: 2,
          }),
        },
        LEAVE_IT: {
          target: 'later',
          meta: choice(
            'Leave it: it was only a joke.',
            'She is left to wonder whether anyone noticed.',
            {},
            {
              barrier: 'notMyPlace',
            },
          ),
        },
      },
    },
    later: {
      meta: {
        narrative: ['The next week, he makes another remark in a meeting.'],
        prompt: 'What do you do?',
        stage: 'act',
        discussion: ['Who else could you bring in?'],
      },
      on: {
        SPEAK_UP: {
          target: 'outcome',
          meta: choice('Say calmly: “That is not OK.”', 'Naming it in the moment shows the room where the line is.', {
            speakUp: 2,
          }),
        },
        TELL_MANAGER: {
          target: 'outcome',
          meta: choice('Tell your manager what you have seen.', 'Someone with authority can stop it for good.', {
            bringOthers: 2,
          }),
        },
        STAY_QUIET: {
          target: 'poor',
          meta: choice(
            'Stay quiet again.',
            'The remarks go on, and she stops coming to meetings.',
            {},
            {
              barrier: 'fearOfCost',
            },
          ),
        },
      },
    },
    outcome: {
      always: [{ target: 'good', guard: { type: 'atLeast', params: { var: 'trust', value: 2 } } }, { target: 'mixed' }],
    },
    good: {
      type: 'final',
      meta: {
        ending: {
          title: 'She knows you have her back',
          debrief: 'Acting early and checking in both helped.',
          kind: 'good',
        },
      },
    },
    mixed: {
      type: 'final',
      meta: {
        ending: {
          title: 'The line is drawn',
          debrief: 'Speaking up helped; checking in earlier would too.',
          kind: 'mixed',
        },
      },
    },
    poor: {
      type: 'final',
      meta: {
        ending: { title: 'Nothing changes', debrief: 'Each silence made the next remark easier.', kind: 'poor' },
      },
    },
  },
};

/** The template as a file's text (two-space indentation, a final newline). */
export function templateText(): string {
  return `${JSON.stringify(TEMPLATE, null, 2)}\n`;
}
