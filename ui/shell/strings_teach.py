"""The i18n table's teaching part: questions, the lesson, presenter mode. Pure data (merged into
``ui.shell.strings.STRINGS``)."""

TEACH: dict[str, dict[str, str]] = {
    # --- predict, then reveal ---
    "predict_mode": {"en": "Predict before each step", "zh": "每一步先预测"},
    "predict_mode_help": {
        "en": "Gate Lab asks about the next step and keeps it hidden until you commit to an answer; then it "
        "shows the step and explains the answer from its own numbers. Your score is kept on every page.",
        "zh": "Gate Lab 会就下一步提问，并在你确定答案之前隐藏这一步；之后再显示这一步，并用它自己的数值解释答案。"
        "得分在所有页面上累计。",
    },
    "predict_header": {"en": "Predict:", "zh": "预测："},
    "predict_choose": {"en": "Your prediction", "zh": "你的预测"},
    "predict_commit": {"en": "Commit and reveal", "zh": "确定并揭晓"},
    "predict_next": {"en": "Next question", "zh": "下一题"},
    "predict_again": {"en": "Ask again", "zh": "再问一次"},
    "predict_restart": {"en": "Go back to t = 1", "zh": "回到 t = 1"},
    "predict_one_step": {
        "en": "This input has a single step, so there is no next step to predict. Choose an input of two steps "
        "or more in the sidebar (a longer typed list, or a longer signal).",
        "zh": "这个输入只有一个时间步，没有下一步可以预测。请在侧边栏选择至少两个时间步的输入（更长的数字列表，或更长的信号）。",
    },
    "predict_at_end": {
        "en": "There is no later step to predict here: this is the end of the sequence.",
        "zh": "这里没有后面的时间步可以预测了：序列已经结束。",
    },
    "predict_right": {"en": "**Right:** {said}.", "zh": "**答对了**：{said}。"},
    "predict_wrong": {
        "en": "**Not this time:** you said “{said}”; the answer is **{answer}**.",
        "zh": "**这次没答对**：你选了“{said}”，答案是 **{answer}**。",
    },
    "predict_digits_note": {
        "en": "(These numbers carry one decimal more than the page. Each is rounded on its own, so adding or "
        "subtracting them can give a result that is off by one in the last digit.)",
        "zh": "（这里的数字比页面上多保留一位小数。每个数都是各自四舍五入的，所以把它们相加或相减，得到的结果可能在最后一位上差 1。）",
    },
    "predict_score": {"en": "Score: {right} of {asked} right", "zh": "得分：{asked} 题中答对 {right} 题"},
    "predict_score_none": {"en": "Score: no answers yet", "zh": "得分：还没有作答"},
    # the questions
    "q_state_dir_c": {
        "en": "At step t = {t}, will the memory C of unit {u} go up, go down, or stay about the same?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 的记忆 C 会上升、下降，还是基本不变？",
    },
    "q_state_dir_h": {
        "en": "At step t = {t}, will the hidden state h of unit {u} go up, go down, or stay about the same?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 的隐藏状态 h 会上升、下降，还是基本不变？",
    },
    "q_gate_half": {
        "en": "At step t = {t}, will the {gate} of unit {u} be above or below 0.5?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 的{gate}会高于还是低于 0.5？",
    },
    # a gate named inside a question's sentence ("the forget gate f of unit 1"), for each sigmoid gate
    "q_gate_i": {"en": "input gate i", "zh": "输入门 i"},
    "q_gate_f": {"en": "forget gate f", "zh": "遗忘门 f"},
    "q_gate_o": {"en": "output gate o", "zh": "输出门 o"},
    "q_gate_r": {"en": "reset gate r", "zh": "重置门 r"},
    "q_gate_z": {"en": "update gate z", "zh": "更新门 z"},
    "q_most_closed": {
        "en": "At step t = {t}, which gate of unit {u} will be the most closed (the smallest)?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 的哪个门关得最紧（数值最小）？",
    },
    "q_h_flip": {
        "en": "At step t = {t}, will the hidden state h of unit {u} change sign?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 的隐藏状态 h 会改变符号吗？",
    },
    "q_write_sign": {
        "en": "At step t = {t}, will unit {u} write a positive or a negative amount i·g into its memory C?",
        "zh": "在第 t = {t} 步，隐藏单元 {u} 写入记忆 C 的量 i·g 是正的还是负的？",
    },
    "q_code_order": {
        "en": "The article's loop says `ct, ht = LSTMCELL(ct, ht, input)`, but its LSTMCELL ends with "
        "`return ht, Ct`. After step t = {t}, what will the article's variable `ct` hold?",
        "zh": "原文的循环写的是 `ct, ht = LSTMCELL(ct, ht, input)`，但它的 LSTMCELL 最后是 "
        "`return ht, Ct`。第 t = {t} 步之后，原文的变量 `ct` 里装的是什么？",
    },
    "q_grad_below": {
        "en": "The plain RNN reads all {T} steps. Going back from the last step, how many steps back does "
        "its gradient ‖∂h_T/∂x_t‖ first fall below 10⁻³?",
        "zh": "普通 RNN 读完全部 {T} 步。从最后一步往回数，它的梯度 ‖∂h_T/∂x_t‖ 在往回第几步首次低于 10⁻³？",
    },
    "q_decide": {
        "en": "The classifier reads this series of {T} steps and gives its probabilities after every step. "
        "When will it settle on its final answer (never change its mind again)?",
        "zh": "分类器读取这条 {T} 步的序列，每一步之后都给出各类的概率。它会在什么时候确定最终答案（之后不再改变）？",
    },
    # options
    "opt_state_dir_up": {"en": "goes up", "zh": "上升"},
    "opt_state_dir_down": {"en": "goes down", "zh": "下降"},
    "opt_state_dir_same": {
        "en": "stays about the same (within ±0.005)",
        "zh": "基本不变（变化在 ±0.005 以内）",
    },
    "opt_gate_half_above": {"en": "above 0.5: more than half passes", "zh": "高于 0.5：一半以上通过"},
    "opt_gate_half_below": {"en": "below 0.5: less than half passes", "zh": "低于 0.5：不到一半通过"},
    "opt_h_flip_yes": {"en": "yes, it changes sign", "zh": "会，符号改变"},
    "opt_h_flip_no": {"en": "no, same sign", "zh": "不会，符号不变"},
    "opt_write_sign_add": {"en": "positive: it adds to C", "zh": "正的：加到 C 上"},
    "opt_write_sign_take": {"en": "negative: it takes from C", "zh": "负的：从 C 中减去"},
    "opt_code_order_h": {"en": "h_t, the new output", "zh": "h_t，新的隐藏状态"},
    "opt_code_order_c": {"en": "C_t, the new memory", "zh": "C_t，新的记忆"},
    "opt_grad_below_1-5": {"en": "1–5 steps back", "zh": "往回 1–5 步"},
    "opt_grad_below_6-20": {"en": "6–20 steps back", "zh": "往回 6–20 步"},
    "opt_grad_below_21-50": {"en": "21–50 steps back", "zh": "往回 21–50 步"},
    "opt_grad_below_more": {
        "en": "more than 50 steps back, or never",
        "zh": "往回超过 50 步，或从未低于 10⁻³",
    },
    "opt_decide_q1": {"en": "early: t = {a}–{b}", "zh": "很早：t = {a}–{b}"},
    "opt_decide_q2": {"en": "t = {a}–{b}", "zh": "t = {a}–{b}"},
    "opt_decide_q3": {"en": "t = {a}–{b}", "zh": "t = {a}–{b}"},
    "opt_decide_q4": {"en": "late: t = {a}–{b}", "zh": "很晚：t = {a}–{b}"},
    # the explanations, from the step's own numbers
    "why_state_dir_lstm": {
        "en": "C went from {before} to {after}. The change is what is written minus what is forgotten: "
        "ΔC = i·g − (1 − f)·Cₜ₋₁ = {written} − {lost_term} = {delta}. The input gate i = {i} let in i·g = {written} "
        "of the candidate g = {g}; the forget gate f = {f} dropped (1 − f)·Cₜ₋₁ = {lost} and kept "
        "f·Cₜ₋₁ = {kept}. (A change smaller than ±{same} counts as staying the same.)",
        "zh": "C 从 {before} 变为 {after}。变化量等于写入的减去遗忘的：ΔC = i·g − (1 − f)·Cₜ₋₁ = {written} − {lost_term} "
        "= {delta}。输入门 i = {i} 让候选值 g = {g} 写入了 i·g = {written}；遗忘门 f = {f} 丢掉了 "
        "(1 − f)·Cₜ₋₁ = {lost}，保留了 f·Cₜ₋₁ = {kept}。（变化小于 ±{same} 算作基本不变。）",
    },
    "why_state_dir_gru": {
        "en": "h went from {before} to {after}. The update gate z = {z} kept z·hₜ₋₁ = {kept} and the candidate "
        "n = {n} filled the rest, (1 − z)·n = {written}; so h moves toward n: "
        "Δh = (1 − z)·(n − hₜ₋₁) = {delta}. (A change smaller than ±{same} counts as staying the same.)",
        "zh": "h 从 {before} 变为 {after}。更新门 z = {z} 保留了 z·hₜ₋₁ = {kept}，候选值 n = {n} 填充其余部分："
        "(1 − z)·n = {written}；所以 h 朝 n 移动：Δh = (1 − z)·(n − hₜ₋₁) = {delta}。"
        "（变化小于 ±{same} 算作基本不变。）",
    },
    "why_state_dir_mgu": {
        "en": "h went from {before} to {after} ({delta}). The forget gate f = {f} kept (1 − f)·hₜ₋₁ = {kept}, "
        "and wrote f·n = {written} of the candidate n = {n}. "
        "(A change smaller than ±{same} counts as staying the same.)",
        "zh": "h 从 {before} 变为 {after}（{delta}）。遗忘门 f = {f} 保留了 (1 − f)·hₜ₋₁ = {kept}，"
        "并写入候选值 n = {n} 的 f·n = {written}。（变化小于 ±{same} 算作基本不变。）",
    },
    "why_state_dir_rnn": {
        "en": "A plain RNN has no gate to keep anything: h is rewritten whole at every step. Here "
        "W_ih·xₜ = {ih}, W_hh·hₜ₋₁ = {hh} and b = {b}, so hₜ = tanh({pre}) = {after}, against "
        "hₜ₋₁ = {before}: a change of {delta}. (A change smaller than ±{same} counts as staying the same.)",
        "zh": "普通 RNN 没有门来保留任何东西：h 每一步都整体重写。这里 W_ih·xₜ = {ih}，W_hh·hₜ₋₁ = {hh}，b = {b}，"
        "所以 hₜ = tanh({pre}) = {after}，而 hₜ₋₁ = {before}：变化 {delta}。（变化小于 ±{same} 算作基本不变。）",
    },
    "why_gate_half": {
        "en": "{gate} = σ({pre}) = {v}: σ is above 0.5 exactly when what goes into it is above 0.",
        "zh": "{gate} = σ({pre}) = {v}：σ 的值大于 0.5，当且仅当它的输入大于 0。",
    },
    "why_most_closed": {
        "en": "The gates at this step: {listed}. The smallest is {gate}: it lets the least through.",
        "zh": "这一步的各个门：{listed}。最小的是 {gate}：它放过的最少。",
    },
    "why_h_flip_lstm": {
        "en": "h went from {before} to {after}. hₜ = o·tanh(Cₜ) with o = {o} > 0, so h always has the sign of C, "
        "and C went from {c_before} to {c_after}.",
        "zh": "h 从 {before} 变为 {after}。hₜ = o·tanh(Cₜ)，而 o = {o} > 0，所以 h 的符号总是与 C 相同；"
        "C 从 {c_before} 变为 {c_after}。",
    },
    "why_h_flip_gru": {
        "en": "h went from {before} to {after}: hₜ = z·hₜ₋₁ + (1 − z)·n = {kept} + {written}. The sign changes "
        "only when the candidate's share (1 − z)·n outweighs what is kept, z·hₜ₋₁.",
        "zh": "h 从 {before} 变为 {after}：hₜ = z·hₜ₋₁ + (1 − z)·n = {kept} + {written}。只有当候选值的份额 "
        "(1 − z)·n 压过保留的 z·hₜ₋₁ 时，符号才会改变。",
    },
    "why_h_flip_mgu": {
        "en": "h went from {before} to {after}: hₜ = (1 − f)·hₜ₋₁ + f·n = {kept} + {written}. The sign changes "
        "only when the candidate's share f·n outweighs what is kept, (1 − f)·hₜ₋₁.",
        "zh": "h 从 {before} 变为 {after}：hₜ = (1 − f)·hₜ₋₁ + f·n = {kept} + {written}。只有当候选值的份额 "
        "f·n 压过保留的 (1 − f)·hₜ₋₁ 时，符号才会改变。",
    },
    "why_h_flip_rnn": {
        "en": "h went from {before} to {after}. hₜ = tanh(a) has the sign of what goes into tanh, "
        "a = W_ih·xₜ + W_hh·hₜ₋₁ + b = {pre}.",
        "zh": "h 从 {before} 变为 {after}。hₜ = tanh(a) 的符号就是 tanh 的输入 a = W_ih·xₜ + W_hh·hₜ₋₁ + b = {pre} 的符号。",
    },
    "why_write_sign": {
        "en": "i·g = {i} × {g} = {written}. The input gate i is between 0 and 1, so the sign of what is "
        "written is the candidate g's sign.",
        "zh": "i·g = {i} × {g} = {written}。输入门 i 在 0 到 1 之间，所以写入量的符号就是候选值 g 的符号。",
    },
    "why_code_order": {
        "en": "LSTMCELL returns (hₜ, Cₜ), and the article's loop unpacks them as `ct, ht`. Run as written, after "
        "step t = {t} its `ct` holds {ct}: an output h, not a memory; its `ht` holds {ht}, a memory C. Every "
        "step starts from that swapped pair, so from t = 2 on the article's run is a different run: the corrected "
        "loop (Gate Lab's, `ht, ct`) has h = {h} and C = {c} at this step.",
        "zh": "LSTMCELL 返回 (hₜ, Cₜ)，而原文的循环按 `ct, ht` 解包。照原文运行，第 t = {t} 步之后它的 `ct` 装着 {ct}："
        "那是输出 h，不是记忆；它的 `ht` 装着 {ht}，那是记忆 C。每一步都从这对调换过的值开始，所以从 t = 2 起，"
        "原文的运行就成了另一次运行：更正后的循环（Gate Lab 的 `ht, ct`）在这一步的 h = {h}，C = {c}。",
    },
    "why_grad_below": {
        "en": "Going back from t = {T}, the gradient first falls below 10⁻³ at t = {t}, {back} steps back "
        "(there it is {value}). An input further back than that barely changes h_T: the RNN can hardly learn from it.",
        "zh": "从 t = {T} 往回，梯度在 t = {t}（往回 {back} 步）首次低于 10⁻³（那里为 {value}）。"
        "比这更早的输入几乎不影响 h_T：RNN 很难从中学习。",
    },
    "why_grad_below_never": {
        "en": "Over all {T} steps the gradient never falls below 10⁻³: with this recurrence the RNN still "
        "feels its first input.",
        "zh": "在全部 {T} 步中，梯度从未低于 10⁻³：在这样的循环权重下，RNN 仍能感受到最早的输入。",
    },
    "why_decide": {
        "en": "At the step before t = {t}, another class was ahead ({other} % against {p_before} % for the final "
        "answer). At t = {t} of {T} the final answer took the lead with {p_at} %, and nothing read after that "
        "changed which class is ahead: at the end the model gives it {p} %.",
        "zh": "在第 t = {t} 步之前的那一步，领先的是另一类（{other}%，而最终答案只有 {p_before}%）。"
        "在第 t = {t} 步（共 {T} 步），最终答案以 {p_at}% 领先，之后读入的内容都没有改变领先的类别："
        "最后模型给它的概率是 {p}%。",
    },
    "why_decide_first": {
        "en": "The final answer leads from the first step ({p_at} % at t = 1) and nothing read after that "
        "changed which class is ahead: at the end of the {T} steps the model gives it {p} %.",
        "zh": "最终答案从第一步起就领先（t = 1 时为 {p_at}%），之后读入的内容都没有改变领先的类别："
        "读完 {T} 步后模型给它的概率是 {p}%。",
    },
}

TEACH |= {
    # --- the lesson ---
    "page_lesson": {"en": "Lesson", "zh": "课程"},
    "lesson_prev": {"en": "Previous", "zh": "上一章"},
    "lesson_next": {"en": "Next", "zh": "下一章"},
    "lesson_pick": {"en": "Chapter", "zh": "章节"},
    "lesson_chapter_title": {"en": "{n}/{N} · {title}", "zh": "{n}/{N} · {title}"},
    "lesson_needs_lstm": {
        "en": "This chapter's question is about an LSTM's gates; the sidebar now has a {cell}. Choose LSTM "
        "there, or open this chapter again from the list above.",
        "zh": "本章的问题针对 LSTM 的门；侧边栏现在是 {cell}。请在那里选择 LSTM，或从上方列表重新打开本章。",
    },
    "lesson_notes_header": {"en": "Teacher notes", "zh": "教师备注"},
    "lesson_own_note": {
        "en": "The lesson set up its own model in the sidebar; yours is kept.",
        "zh": "课程在侧边栏中设置了自己的模型；你原来的模型已保留。",
    },
    "lesson_restore": {"en": "Back to my model", "zh": "回到我的模型"},
    "lesson_model_changed": {
        "en": "You have changed this chapter's model: the numbers in the text and the task "
        "describe the chapter's own model; the view and the question are about yours. Go to another "
        "chapter and back to get the chapter's model again.",
        "zh": "你改动了本章的模型：正文和任务中的数值描述的是本章自己的模型；视图和问题针对的是你的模型。"
        "切换到另一章再回来，即可恢复本章的模型。",
    },
    "unit_in_layer": {"en": "{u} of layer {k}", "zh": "{u}（第 {k} 层）"},
    "lesson_rnn_title": {"en": "A plain RNN reads a sequence", "zh": "普通 RNN 读取一个序列"},
    "lesson_rnn_text": {
        "en": "A recurrent network reads a time series one step at a time. At every step t it takes the input "
        "xₜ and its own previous output hₜ₋₁ and computes a new hidden state, "
        "**hₜ = tanh(W_ih·xₜ + W_hh·hₜ₋₁ + b)**. The same weights are used at every step, and h is the network's "
        "only memory of what it has read. Below, a plain RNN with 4 hidden units reads a sine wave.",
        "zh": "循环网络一次读取时间序列的一步。在每一步 t，它接收输入 xₜ 和自己上一步的输出 hₜ₋₁，计算新的隐藏状态 "
        "**hₜ = tanh(W_ih·xₜ + W_hh·hₜ₋₁ + b)**。每一步使用的是同一组权重，而 h 是网络对已读内容的唯一记忆。"
        "下面是一个有 4 个隐藏单元的普通 RNN，正在读取一条正弦波。",
    },
    "lesson_rnn_do": {
        "en": "Predict the next step first. Then step with → (or the buttons) and compare h with the input: "
        "xₜ swings from −1 to 1, but unit 1's h barely moves (after the first few steps it stays between −0.61 "
        "and −0.54). In the table of every unit, find the units whose h moves against the input.",
        "zh": "先预测下一步。然后用 → 键（或按钮）单步前进，把 h 和输入比较：xₜ 在 −1 到 1 之间摆动，"
        "隐藏单元 1 的 h 却几乎不动（最初几步之后一直在 −0.61 到 −0.54 之间）。在所有隐藏单元的表中，"
        "找出 h 与输入反向变化的隐藏单元。",
    },
    "lesson_rnn_notes": {
        "en": "**Say:** an RNN is one small network applied again and again, with a loop: its output at step t is "
        "part of its input at step t+1.\n\n**Misconceptions students bring:**\n"
        "- *Each step has its own weights.* No: the same W_ih and W_hh at every step.\n"
        "- *h stores the whole past.* h is only H numbers, rewritten whole at every step; that is why it forgets "
        "(next chapter).\n"
        "- *h copies the input.* Each unit gives its own response to the same xₜ: on this model unit 1's h "
        "hardly moves, and units 3 and 4 move against the input.",
        "zh": "**要讲的**：RNN 就是同一个小网络被反复使用，并带有一个环：第 t 步的输出是第 t+1 步输入的一部分。\n\n"
        "**学生常见的误解**：\n"
        "- *每一步有自己的权重。* 不是：每一步都是同一组 W_ih 和 W_hh。\n"
        "- *h 存下了全部过去。* h 只有 H 个数，每一步都整体重写；这正是它会遗忘的原因（下一章）。\n"
        "- *h 就是输入的复制。* 对同一个 xₜ，每个隐藏单元有自己的响应：在这个模型上，隐藏单元 1 的 h 几乎不动，"
        "隐藏单元 3 和 4 与输入反向变化。",
    },
    "lesson_vanish_title": {
        "en": "Why it forgets: the vanishing gradient",
        "zh": "为什么会遗忘：梯度消失",
    },
    "lesson_vanish_text": {
        "en": "To learn from an input many steps back, training needs the gradient ‖∂h_T/∂x_t‖ to reach it. "
        "Each step back multiplies that gradient by W_hh and by the slope of tanh (at most 1). If that shrinks "
        "it, it shrinks geometrically: it **vanishes**. Here a plain RNN whose W_hh has spectral radius ρ = 0.5 "
        "reads 200 steps of a sine wave. (If the product grows instead, the gradient **explodes**: training "
        "becomes unstable rather than forgetful.) That, the article says, is why LSTMs exist.",
        "zh": "要从很多步之前的输入中学习，训练需要梯度 ‖∂h_T/∂x_t‖ 能传回那里。每往回一步，梯度都要乘以 W_hh "
        "和 tanh 的斜率（最多为 1）。如果这使它变小，它就按几何级数缩小：梯度**消失**。这里，一个 W_hh 谱半径 ρ = 0.5 "
        "的普通 RNN 读取 200 步正弦波。"
        "（如果乘积反而变大，梯度就会**爆炸**：训练变得不稳定，而不是遗忘。）原文说，这正是 LSTM 存在的原因。",
    },
    "lesson_vanish_do": {
        "en": "Predict first. Then open the Why LSTM page and try its presets “RNN explodes” and “LSTM remembers”.",
        "zh": "先预测。然后打开“为什么需要 LSTM”页面，试试它的预设“RNN 梯度爆炸”和“LSTM 记得住”。",
    },
    "lesson_vanish_after": {
        "en": "Here each step back multiplies the plain RNN's gradient by about 0.46, so within 10 steps less than a "
        "thousandth is left. The axis is logarithmic: a straight falling line means the gradient shrinks by the "
        "same factor at every step back. The LSTM's curve falls far more slowly, but it falls too: with a forget-gate bias "
        "of 1 its forget gates are well below 1, and an LSTM keeps its gradient only where they stay near 1 "
        "(the preset “LSTM remembers”).",
        "zh": "这里每往回一步，普通 RNN 的梯度约乘以 0.46，不到 10 步就只剩不到千分之一。"
        "纵轴是对数刻度：一条下降的直线表示每往回一步，梯度都缩小相同的倍数。LSTM 的曲线下降得慢得多，但也在下降："
        "遗忘门偏置为 1 时，它的遗忘门明显小于 1；只有遗忘门一直接近 1，LSTM 才能保住梯度（预设“LSTM 记得住”）。",
    },
    "lesson_vanish_input": {
        "en": "What the plain RNN reads: xₜ for t = 1 … {T}. The gradient chart appears once the question is answered "
        "(in a live class: once the teacher reveals the answer).",
        "zh": "普通 RNN 读取的输入：t = 1 … {T} 的 xₜ。问题作答后会显示梯度图（在实时课堂中：老师揭晓答案后）。",
    },
    "lesson_vanish_notes": {
        "en": "**Say:** a product of many numbers below 1 goes to 0 fast: 0.5 multiplied by itself 20 times "
        "is about 10⁻⁶.\n\n**Misconceptions students bring:**\n"
        "- *Vanishing gradients mean small outputs.* No: h can be large while the gradient back to old inputs "
        "is tiny.\n"
        "- *A bigger network fixes it.* More units do not change the product along the time path; gates do, "
        "when the forget gates stay near 1.",
        "zh": "**要讲的**：许多小于 1 的数相乘会迅速趋于 0：0.5 自乘 20 次约为 10⁻⁶。\n\n"
        "**学生常见的误解**：\n"
        "- *梯度消失就是输出很小。* 不是：h 可以很大，而传回早期输入的梯度却极小。\n"
        "- *网络大一点就能解决。* 更多的隐藏单元不会改变沿时间路径的乘积；门才会——前提是遗忘门一直接近 1。",
    },
    "lesson_memory_title": {"en": "The LSTM's memory line C", "zh": "LSTM 的记忆线 C"},
    "lesson_memory_text": {
        "en": "An LSTM adds a second line through time: the memory, or cell state, **C**. Along it nothing is "
        "multiplied by a weight matrix: **Cₜ = f·Cₜ₋₁ + i·g**, the old memory scaled by the forget gate f, "
        "plus what the input gate i lets in of the candidate g. The output is then read out of it: "
        "**hₜ = o·tanh(Cₜ)**. In the diagram, C is the line along the top.",
        "zh": "LSTM 增加了第二条贯穿时间的线：记忆，也叫单元状态 **C**。沿着这条线，没有任何权重矩阵相乘："
        "**Cₜ = f·Cₜ₋₁ + i·g**，即旧记忆乘以遗忘门 f，再加上输入门 i 放进来的候选值 g。隐藏状态再从记忆中读出："
        "**hₜ = o·tanh(Cₜ)**。图中，C 是最上方的那条线。",
    },
    "lesson_memory_do": {
        "en": "Predict, then step on and watch C along the top of the diagram: where does it move a lot, where hardly at all?",
        "zh": "先预测，再继续单步，观察图中最上方的 C：它在哪里变化很大，在哪里几乎不动？",
    },
    "lesson_memory_notes": {
        "en": "**Say:** C runs through time with no weight matrix on its path (a picture often used, though not "
        "the article's, is a conveyor belt): the gates only scale it or add to it.\n\n**Misconceptions students bring:**\n"
        "- *C and h are the same.* h = o·tanh(C) is a gated read-out between −1 and 1; C has no such bound.\n"
        "- *Nothing on C is learned.* The path of C has no weight matrix, but the gates that scale it read "
        "hₜ₋₁ and xₜ through learned weights.",
        "zh": "**要讲的**：C 贯穿时间，路径上没有权重矩阵（常有人把它比作传送带，但这不是原文的比喻）："
        "门只对它缩放或往上添加。\n\n"
        "**学生常见的误解**：\n"
        "- *C 和 h 是一回事。* h = o·tanh(C) 是经过门控的读出，在 −1 到 1 之间；C 没有这样的界限。\n"
        "- *C 上没有可学习的东西。* C 的路径上没有权重矩阵，但缩放它的门通过学到的权重读取 hₜ₋₁ 和 xₜ。",
    },
    "lesson_forget_title": {"en": "The forget gate", "zh": "遗忘门"},
    "lesson_forget_text": {
        "en": "The forget gate decides what the memory drops: **f = σ(W_if·xₜ + W_hf·hₜ₋₁ + b_f)**, between 0 "
        "and 1, one value per unit. f ≈ 1 keeps Cₜ₋₁ whole; f ≈ 0 erases it. The forget-gate bias b_f shifts f at "
        "every step. Keras starts it at 1 by default (PyTorch draws it at random near 0), so that a new "
        "network keeps most of its memory.",
        "zh": "遗忘门决定记忆丢掉什么：**f = σ(W_if·xₜ + W_hf·hₜ₋₁ + b_f)**，取值在 0 到 1 之间，每个隐藏单元一个值。"
        "f ≈ 1 完整保留 Cₜ₋₁；f ≈ 0 将其抹去。遗忘门偏置 b_f 在每一步都会平移 f："
        "Keras 默认把它初始化为 1（PyTorch 则在 0 附近随机初始化），使新网络保留大部分记忆。",
    },
    "lesson_forget_do": {
        "en": "Predict f. Then set the forget-gate bias b_f (in the sidebar; in presenter mode, under this task) "
        "to −3, then to +3, and watch f and C.",
        "zh": "预测 f。然后把遗忘门偏置 b_f（在侧边栏中；演示模式下在本任务下方）设为 −3，再设为 +3，观察 f 和 C。",
    },
    "lesson_forget_notes": {
        "en": "**Say:** σ of anything positive is above 0.5; the bias moves the whole curve.\n\n"
        "**Misconceptions students bring:**\n"
        "- *f = 1 means forget.* The name is the other way round: f = 1 **keeps** everything.\n"
        "- *Forgetting happens at once.* f scales C a little at every step: f = 0.9 for 20 steps keeps "
        "0.9²⁰ ≈ 12 %.",
        "zh": "**要讲的**：σ 的输入只要为正，输出就大于 0.5；偏置会平移整条曲线。\n\n"
        "**学生常见的误解**：\n"
        "- *f = 1 表示遗忘。* 恰恰相反：f = 1 表示**保留**全部。\n"
        "- *遗忘是一下子发生的。* f 每一步都把 C 缩小一点：f = 0.9 连续 20 步只保留 0.9²⁰ ≈ 12%。",
    },
    "lesson_input_title": {"en": "The input gate and the candidate", "zh": "输入门与候选值"},
    "lesson_input_text": {
        "en": "What is written into the memory has two parts. The candidate **g = tanh(W_ig·xₜ + W_hg·hₜ₋₁ + b_g)**, "
        "between −1 and 1, is what could be written; the input gate **i = σ(W_ii·xₜ + W_hi·hₜ₋₁ + b_i)**, "
        "between 0 and 1, is how much of it is. The write is their product, added to what was kept: "
        "**Cₜ = f·Cₜ₋₁ + i·g**.",
        "zh": "写入记忆的内容由两部分组成。候选值 **g = tanh(W_ig·xₜ + W_hg·hₜ₋₁ + b_g)** 在 −1 到 1 之间，"
        "是可能写入的内容；输入门 **i = σ(W_ii·xₜ + W_hi·hₜ₋₁ + b_i)** 在 0 到 1 之间，决定写入多少。"
        "写入量是二者的乘积，加到保留下来的记忆上：**Cₜ = f·Cₜ₋₁ + i·g**。",
    },
    "lesson_input_do": {
        "en": "Predict the sign of i·g. Then find the step where unit 1's i is smallest: how much of g does it "
        "still let in? (On this random model i never closes: it stays between about 0.4 and 0.8.)",
        "zh": "预测 i·g 的符号。然后找出隐藏单元 1 的 i 最小的时间步：它仍让多少 g 写进去？"
        "（在这个随机模型上 i 从不关闭：它一直在大约 0.4 到 0.8 之间。）",
    },
    "lesson_input_notes": {
        "en": "**Say:** g proposes, i decides.\n\n**Misconceptions students bring:**\n"
        "- *The input gate is the input.* The input is xₜ; i is a gate computed from xₜ and hₜ₋₁.\n"
        "- *A negative write is an error.* g lies in −1…1: a negative write lowers C, which is how an LSTM "
        "counts down or erases part of its memory.",
        "zh": "**要讲的**：g 提议，i 决定。\n\n**学生常见的误解**：\n"
        "- *输入门就是输入。* 输入是 xₜ；i 是由 xₜ 和 hₜ₋₁ 计算出来的门。\n"
        "- *写入负数是错误。* g 在 −1…1 之间：负的写入会降低 C，LSTM 正是这样递减计数或部分擦除记忆的。",
    },
    "lesson_output_title": {"en": "The output gate", "zh": "输出门"},
    "lesson_output_text": {
        "en": "The output gate decides what reaches h: **hₜ = o·tanh(Cₜ)**, with **o = σ(W_io·xₜ + W_ho·hₜ₋₁ + b_o)**. "
        "The memory can hold something without showing it: with o ≈ 0, h is near 0 whatever C holds. This h "
        "is both the step's output and what the gates read at the next step.",
        "zh": "输出门决定什么能到达 h：**hₜ = o·tanh(Cₜ)**，其中 **o = σ(W_io·xₜ + W_ho·hₜ₋₁ + b_o)**。"
        "记忆可以保存某些内容而不显示出来：o ≈ 0 时，无论 C 是多少，h 都接近 0。这个 h 既是本步的输出，也是下一步各个门读取的内容。",
    },
    "lesson_output_do": {
        "en": "Predict o. Then compare h with tanh(C) in the reading: by what factor does o scale it?",
        "zh": "预测 o。然后在解读中比较 h 与 tanh(C)：o 把它缩放了多少倍？",
    },
    "lesson_output_notes": {
        "en": "**Say:** o is a valve on the read-out, not on the memory.\n\n**Misconceptions students bring:**\n"
        "- *o changes C.* Not directly: Cₜ = f·Cₜ₋₁ + i·g has no o in it; o only shapes h, which the gates read at the next step.\n"
        "- *h is C.* h = o·tanh(C): squashed, then gated.",
        "zh": "**要讲的**：o 是读出上的阀门，而不是记忆上的阀门。\n\n**学生常见的误解**：\n"
        "- *o 会改变 C。* 不会直接改变：Cₜ = f·Cₜ₋₁ + i·g 中没有 o；o 只影响 h，而 h 到下一步才被各个门读取。\n"
        "- *h 就是 C。* h = o·tanh(C)：先压缩，再门控。",
    },
    "lesson_step_title": {"en": "One full step, every number", "zh": "完整的一步，每一个数"},
    "lesson_step_text": {
        "en": "Now all of it at once. At one step the cell reads xₜ and hₜ₋₁, computes i, f, g and o, forgets, "
        "writes and reads out. Every number of the step is on screen: the diagram, the reading, and the "
        "equations with this step's values filled in.",
        "zh": "现在把它们合在一起。在一步之内，单元读取 xₜ 和 hₜ₋₁，计算 i、f、g、o，先遗忘、再写入、最后读出。"
        "这一步的每一个数都在屏幕上：示意图、解读，以及代入了本步数值的公式。",
    },
    "lesson_step_do": {
        "en": "Check one line of the equations by hand (a calculator is enough), for example Cₜ = f·Cₜ₋₁ + i·g.",
        "zh": "手工验算公式中的一行（用计算器即可），例如 Cₜ = f·Cₜ₋₁ + i·g。",
    },
    "lesson_step_notes": {
        "en": "**Say:** walk the diagram left to right, then the equations top to bottom.\n\n"
        "**Misconceptions students bring:**\n"
        "- *The gates are computed one after another.* All four read the same [hₜ₋₁, xₜ]; only C and h "
        "depend on them.\n"
        "- *Gates are 0 or 1.* They are soft: 0.3 lets 30 % through.",
        "zh": "**要讲的**：先从左到右讲示意图，再从上到下讲公式。\n\n**学生常见的误解**：\n"
        "- *各个门是依次计算的。* 四者读取的是同一个 [hₜ₋₁, xₜ]；只有 C 和 h 依赖于它们。\n"
        "- *门只取 0 或 1。* 门是“软”的：0.3 表示放过 30%。",
    },
    "lesson_stack_title": {"en": "Stacking cells into layers", "zh": "把单元堆叠成多层"},
    "lesson_stack_text": {
        "en": "A stacked LSTM is cells stacked on cells: at every step, layer 1's hₜ is layer 2's input xₜ. "
        "Each layer has its own weights, gates and memory. The article says this and leaves its code for later "
        "(“not written yet”); Gate Lab's is on the Cell page, in “the article's pseudocode” below the cell. "
        "Here: two layers, of 4 and 3 units, every gate and memory at once.",
        "zh": "多层 LSTM 就是单元叠在单元上：在每一步，第 1 层的 hₜ 就是第 2 层的输入 xₜ。每一层都有自己的权重、门和记忆。"
        "原文讲到这里，说多层的代码“暂时没写”；Gate Lab 写出来了（见“单元”页中单元下方的“原文伪代码”）。"
        "这里是两层，分别有 4 个和 3 个隐藏单元，所有的门和记忆同时显示。",
    },
    "lesson_stack_do": {
        "en": "Step through and compare the two layers: whose memory moves more slowly?",
        "zh": "单步浏览并比较两层：哪一层的记忆变化更慢？",
    },
    "lesson_stack_notes": {
        "en": "**Say:** a cell is one layer of neurons (the article's words); stacking adds depth at every step, "
        "as layers do in a CNN, with the difference the article names: a layer's hₜ also feeds its own next "
        "step, not only the layer above.\n\n**Misconceptions students bring:**\n"
        "- *Layer 2 reads the input series.* It reads layer 1's h.\n"
        "- *Layer 2 waits for layer 1 to finish the sequence.* Its step t needs only layer 1's step t.",
        "zh": "**要讲的**：一个单元就是一层神经元（原文的说法）；堆叠让每一步都更“深”，就像 CNN 中的层，"
        "但有原文指出的不同：一层的 hₜ 还会传给它自己的下一步，而不只是传给上一层。\n\n"
        "**学生常见的误解**：\n"
        "- *第 2 层读取输入序列。* 它读取的是第 1 层的 h。\n"
        "- *第 2 层要等第 1 层读完整个序列。* 它的第 t 步只需要第 1 层的第 t 步。",
    },
    "lesson_code_title": {
        "en": "The article's pseudocode and its return-order bug",
        "zh": "原文的伪代码及其返回顺序错误",
    },
    "lesson_code_text": {
        "en": "The article sketches the cell in Python: `LSTMCELL(prev_ct, prev_ht, input)` computes the gates, "
        "`Ct = prev_ct * ft + candidate * it` and `ht = ot * tanh(Ct)`, and ends with `return ht, Ct`. Its "
        "loop then writes `ct, ht = LSTMCELL(ct, ht, input)`: the two are swapped. Python raises no error, "
        "since both have the same shape. Gate Lab runs the corrected loop and shows it with every step's numbers.",
        "zh": "原文用 Python 勾勒了这个单元：`LSTMCELL(prev_ct, prev_ht, input)` 计算各个门、"
        "`Ct = prev_ct * ft + candidate * it` 和 `ht = ot * tanh(Ct)`，最后 `return ht, Ct`。而它的循环写的是 "
        "`ct, ht = LSTMCELL(ct, ht, input)`：两者颠倒了。由于形状相同，Python 不会报错。Gate Lab 运行的是更正后的循环，"
        "并显示每一步的数值。",
    },
    "lesson_code_do": {
        "en": "Open “The article's pseudocode, corrected, with live values” below the cell and find the line the article has wrong.",
        "zh": "打开单元下方的“原文伪代码（已更正，实时数值）”，找出原文写错的那一行。",
    },
    "lesson_code_notes": {
        "en": "**Say:** pseudocode is a claim too: test it against the numbers.\n\n**Misconceptions students bring:**\n"
        "- *The order does not matter, both are vectors.* Same shape, different meaning: the next step would "
        "scale h by f as if it were the memory.\n"
        "- *Python would raise an error.* It would not; the bug is silent, which is why it survived.",
        "zh": "**要讲的**：伪代码也是一种断言：要用数值来检验。\n\n**学生常见的误解**：\n"
        "- *顺序无所谓，反正都是向量。* 形状相同，含义不同：下一步会把 h 当作记忆乘以 f。\n"
        "- *Python 会报错。* 不会；这个错误是无声的，所以才一直没被发现。",
    },
    "lesson_classify_title": {
        "en": "Classifying time series: when does the model decide?",
        "zh": "时间序列分类：模型何时做出判断？",
    },
    "lesson_classify_text": {
        "en": "What the author wanted LSTMs for: classifying time series. The network reads the whole series and "
        "a small layer on its last h gives a probability for each class. Reading those probabilities after "
        "every step shows **when** the model makes up its mind. This LSTM (8 units) was trained here, when the "
        "chapter was first opened, to tell a rising series from a falling one.",
        "zh": "这正是作者想用 LSTM 做的事：对时间序列分类。网络读完整条序列，再由最后一个 h 上的一个小层给出每一类的概率。"
        "在每一步之后读取这些概率，就能看出模型**何时**做出判断。这个 LSTM（8 个隐藏单元）是在首次打开本章时在这里训练出来的，"
        "用来区分上升的序列和下降的序列。",
    },
    "lesson_classify_do": {
        "en": "Predict, then see where the probabilities cross. Ask again for another series; then train your own on the Classify page.",
        "zh": "先预测，再看概率曲线在哪里交叉。点“再问一次”换一条序列；然后到“分类”页训练你自己的模型。",
    },
    "lesson_classify_own": {
        "en": "This chapter's classifier is its own model: the sidebar's settings do not change it.",
        "zh": "本章的分类器是独立的模型：侧边栏的设置不会改变它。",
    },
    "lesson_classify_notes": {
        "en": "**Say:** the answer is read only at the end, but h carries a running guess all along.\n\n"
        "**Misconceptions students bring:**\n"
        "- *The model sees the whole series at once.* It reads one step at a time, as on every page of Gate Lab.\n"
        "- *High accuracy means an early decision.* A model can be right only at the last steps.",
        "zh": "**要讲的**：答案只在最后读取，但 h 一路上都带着一个不断更新的猜测。\n\n**学生常见的误解**：\n"
        "- *模型一次看到整条序列。* 它一次读一步，和 Gate Lab 的每个页面一样。\n"
        "- *准确率高就说明判断得早。* 模型可能只在最后几步才判断正确。",
    },
    # --- presenter mode and class links ---
    "present_enter": {"en": "Presenter mode", "zh": "演示模式"},
    "present_exit": {"en": "Exit presenter mode", "zh": "退出演示模式"},
    "present_help": {
        "en": "Large type for a projector, no sidebar; the step keys ← → still work. Shortcut: P.",
        "zh": "投影用的大字号，隐藏侧边栏；← → 键仍可单步。快捷键：P。",
    },
    "teach_header": {"en": "Teach with this view", "zh": "用这个视图上课"},
    "class_hide_label": {"en": "Hide from students", "zh": "对学生隐藏"},
    "class_hide_help": {
        "en": "The class link opens this view with these parts hidden (the link carries hide=…).",
        "zh": "班级链接打开这个视图时会隐藏这些部分（链接中带有 hide=…）。",
    },
    "class_link_help": {"en": "Class link: send it to your students.", "zh": "班级链接：发给你的学生。"},
    "hide_sidebar": {"en": "settings (the sidebar)", "zh": "设置（侧边栏）"},
    "hide_equations": {"en": "equations", "zh": "公式"},
    "hide_units": {"en": "every unit's table", "zh": "所有隐藏单元的表"},
    "hide_code": {"en": "the article's code", "zh": "原文代码"},
    "hide_share": {"en": "the share box", "zh": "分享框"},
}

TEACH |= {
    # --- the live class ---
    "class_start": {"en": "Start a live class", "zh": "开始实时课堂"},
    "class_start_help": {
        "en": "Students join with a code or a QR code and their screens follow yours: page, model, input, "
        "step and lesson chapter. You can put the question on screen to the class and see the answers.",
        "zh": "学生通过代码或二维码加入，他们的屏幕会跟随你的屏幕：页面、模型、输入、时间步和课程章节。"
        "你可以把屏幕上的问题发给全班，并看到大家的回答。",
    },
    "class_code_label": {"en": "Live class · code **{code}**", "zh": "实时课堂 · 代码 **{code}**"},
    "class_invite": {"en": "Invite students", "zh": "邀请学生"},
    "class_invite_help": {
        "en": "Students open this link, or scan the code, or open Gate Lab and add ?join={code} to its address.",
        "zh": "学生打开这个链接或扫描二维码，或在 Gate Lab 的地址后加上 ?join={code}。",
    },
    "class_qr_caption": {"en": "Scan to join", "zh": "扫码加入"},
    "class_teacher_link_show": {"en": "My teacher link", "zh": "我的教师链接"},
    "class_resume": {"en": "Resume teaching", "zh": "继续上课"},
    "class_resume_saved": {"en": "Resume teaching class {code}", "zh": "继续主持课堂 {code}"},
    "class_resume_label": {
        "en": "Resume teaching: paste your teacher link",
        "zh": "继续上课：粘贴你的教师链接",
    },
    "class_resume_help": {
        "en": "The teacher link you were given when you started the class (under My teacher link). This "
        "browser remembers it by itself: a reload keeps you the teacher.",
        "zh": "开始课堂时得到的教师链接（在“我的教师链接”中）。这个浏览器会自己记住它：刷新页面后你仍是老师。",
    },
    "class_resumed": {"en": "You are teaching class {code} again.", "zh": "你已重新主持课堂 {code}。"},
    "class_resume_bad": {
        "en": "That is not the teacher link of a running class: check it (it has join= and teach= in it).",
        "zh": "这不是一个进行中课堂的教师链接：请检查（它包含 join= 和 teach=）。",
    },
    "class_resume_wait": {
        "en": "Too many wrong teacher keys were tried from this network address, so this one was not checked: try again in {m} minute(s).",
        "zh": "从这个网络地址（IP）尝试了太多错误的教师密钥，所以没有核对这一个：请在 {m} 分钟后再试。",
    },
    "class_not_teacher": {
        "en": "This link's teacher key is not the key of class {code}, so you joined as a student. If you teach this class, open your own teacher link.",
        "zh": "这个链接中的教师密钥不是课堂 {code} 的密钥，所以你以学生身份加入了。如果你是这个课堂的老师，请打开自己的教师链接。",
    },
    "class_key_wait": {
        "en": "Too many wrong teacher keys were tried from this network address, so this link's key was not checked: you joined class {code} as a student. Try the teacher link again in {m} minute(s).",
        "zh": "从这个网络地址（IP）尝试了太多错误的教师密钥，所以没有核对这个链接中的密钥：你以学生身份加入了课堂 {code}。请在 {m} 分钟后再试教师链接。",
    },
    "class_teacher_link_help": {
        "en": "Your teacher link (keep it private: whoever opens it drives the class):",
        "zh": "你的教师链接（请勿外传：打开它的人就能控制课堂）：",
    },
    "class_ask": {"en": "Ask the class", "zh": "向全班提问"},
    "class_ask_help": {
        "en": "Puts the question on your screen (a lesson chapter's, or the Cell page's with Predict on) to "
        "every student; they answer on their own devices.",
        "zh": "把你屏幕上的问题（课程章节的，或“单元”页开启预测后的问题）发给每个学生；他们在自己的设备上作答。",
    },
    "class_reveal": {"en": "Reveal", "zh": "揭晓"},
    "class_end": {"en": "End the class", "zh": "结束课堂"},
    "class_end_confirm": {
        "en": "Every student's screen stops following you; each keeps the last view and can explore on their own.",
        "zh": "所有学生的屏幕将不再跟随你；每人保留最后的视图，可以自行探索。",
    },
    "class_end_now": {"en": "End it for everyone", "zh": "为所有人结束课堂"},
    "class_students": {"en": "Students here: {n}", "zh": "在线学生：{n}"},
    "class_students_pace": {
        "en": "Students here: {n} · following {following} · exploring {exploring}",
        "zh": "在线学生：{n} · 跟随 {following} · 自己探索 {exploring}",
    },
    "class_paused_count": {"en": "paused {n}", "zh": "已暂停 {n}"},
    "class_answered_count": {"en": "answered {n}", "zh": "已作答 {n}"},
    "class_lock": {"en": "Lock to my screen", "zh": "锁定到我的屏幕"},
    "class_lock_help": {
        "en": "On: every student follows your screen and cannot explore on their own. Off: a student may press "
        "“Explore on my own” and later “Back to the class”.",
        "zh": "开启：每个学生都跟随你的屏幕，不能自己探索。关闭：学生可以点“自己探索”，之后再点“回到课堂”。",
    },
    "class_pause": {"en": "Pause screens", "zh": "暂停屏幕"},
    "class_pause_help": {
        "en": "Every student sees a pause card instead of the app until you turn this off: eyes to the front.",
        "zh": "在你关闭之前，每个学生看到的是暂停卡片而不是应用：请看前面。",
    },
    "class_paused_card": {
        "en": "Eyes to the front: your teacher has paused the screens.",
        "zh": "请看前面：老师已暂停屏幕。",
    },
    "class_locked": {
        "en": "Your teacher keeps the class on their screen.",
        "zh": "老师让全班跟随自己的屏幕。",
    },
    "class_answers_header": {"en": "The class's answers: {n}", "zh": "已收到 {n} 份回答"},
    "class_answers_axis": {"en": "answers", "zh": "回答数"},
    "class_revealed": {"en": "revealed", "zh": "已揭晓"},
    "class_revealed_by_step": {
        "en": "revealed: the step asked about is on screen",
        "zh": "已揭晓：屏幕上已是所问的那一步",
    },
    "class_options": {"en": "**Options:** {options}", "zh": "**选项**：{options}"},
    "class_votes_toggle": {"en": "Show votes", "zh": "显示票数"},  # (short: on one line with the count)
    "class_votes_hidden": {
        "en": "The split of the votes is shown when you reveal the answer, so that nobody follows the crowd.",
        "zh": "各选项的票数在你揭晓答案时显示，以免有人随大流作答。",
    },
    "class_paused": {
        "en": "Live class paused: the class's store cannot be reached. Everything here still works on its own; "
        "the class picks up again when it is back.",
        "zh": "实时课堂已暂停：无法连接课堂的存储。这里的一切仍可单独使用；恢复后课堂会自动继续。",
    },
    "class_gone": {"en": "This class has ended.", "zh": "这个课堂已经结束。"},
    "class_wait": {
        "en": "This device has tried too many wrong class codes, so {code} was not checked: try again in {m} "
        "minute(s). A class code is 4 to 8 letters and digits, such as CAT4YM; the teacher's screen shows it.",
        "zh": "这台设备输错课堂代码的次数太多了，所以没有核对 {code}：请在 {m} 分钟后再试。"
        "课堂代码由 4 到 8 个字母和数字组成，例如 CAT4YM，显示在老师的屏幕上。",
    },
    "class_no_such": {
        "en": "No live class has the code {code}: check it with your teacher (the class may have ended). "
        "Gate Lab works on its own meanwhile.",
        "zh": "没有代码为 {code} 的实时课堂：请向老师核对代码（课堂可能已经结束）。在此期间 Gate Lab 可以单独使用。",
    },
    "class_bad_code": {
        "en": "That is not a class code: a class code has 4 to 8 letters and digits, as your teacher shows it "
        "(ACDEFGHJKMNPQRTUVWXY and 3 4 6 7 9). Type it again below; Gate Lab works on its own meanwhile.",
        "zh": "这不是课堂代码：课堂代码由 4 到 8 个字母和数字组成，以老师展示的为准"
        "（ACDEFGHJKMNPQRTUVWXY 以及 3 4 6 7 9）。请在下面重新输入；在此期间 Gate Lab 可以单独使用。",
    },
    "class_join_label": {"en": "Class code", "zh": "课堂代码"},
    "class_join": {"en": "Join the class", "zh": "加入课堂"},
    "class_ended": {
        "en": "The class {code} has ended; you keep the last view and can go on alone.",
        "zh": "课堂 {code} 已经结束；你保留最后的视图，可以继续自己探索。",
    },
    "class_following": {"en": "Following live class **{code}**", "zh": "正在跟随实时课堂 **{code}**"},
    "hall_title": {"en": "Live class **{code}**", "zh": "实时课堂 **{code}**"},
    "hall_opening": {
        "en": "The rest of Gate Lab is still loading; meanwhile this view follows your teacher step by step.",
        "zh": "Gate Lab 的其余部分仍在加载；在此期间，这个视图会跟随老师一步步更新。",
    },
    "hall_waiting": {
        "en": "Gate Lab is still loading; it opens here shortly.",
        "zh": "Gate Lab 仍在加载，稍后会在这里打开。",
    },
    "hall_region": {
        "en": "The class's view, shown while Gate Lab loads",
        "zh": "Gate Lab 加载期间显示的课堂视图",
    },
    "class_alone": {
        "en": "Exploring on your own · class **{code}** goes on",
        "zh": "正在自己探索 · 课堂 **{code}** 仍在进行",
    },
    "class_leave": {"en": "Explore on my own", "zh": "自己探索"},
    "class_back": {"en": "Back to the class", "zh": "回到课堂"},
    "class_question_header": {"en": "The class is asked:", "zh": "全班问题："},
    "class_send": {"en": "Send my answer", "zh": "提交我的回答"},
    "class_sent": {
        "en": "Sent: {said}. You may change it until the teacher reveals.",
        "zh": "已提交：{said}。老师揭晓之前你还可以修改。",
    },
    "class_answer_was": {"en": "**The answer:** {answer}.", "zh": "**答案**：{answer}。"},
}
