"""The i18n table: key -> {"en": …, "zh": …}. Pure data, no imports."""

STRINGS: dict[str, dict[str, str]] = {
    # --- navigation and notices ---
    "page_cell": {"en": "Cell", "zh": "单元"},
    "page_timeline": {"en": "Timeline", "zh": "时间线"},
    "page_layers": {"en": "Layers", "zh": "层"},
    "url_notice": {
        "en": "The link had {name}={value}, which Gate Lab cannot use. Shown instead: {instead}.",
        "zh": "链接中的 {name}={value} 无法使用。改为显示：{instead}。",
    },
    "url_instead_off": {"en": "presenter mode off", "zh": "演示模式关闭"},
    "url_instead_on": {"en": "presenter mode on", "zh": "演示模式开启"},
    "url_instead_join": {
        "en": "no class (a class code is 4 to 8 letters and digits, such as CAT4YM: the teacher's screen shows it)",
        "zh": "不加入课堂（课堂代码由 4 到 8 个字母和数字组成，例如 CAT4YM，显示在老师的屏幕上）",
    },
    "url_instead_hide": {"en": "every part of the page", "zh": "页面的所有部分"},
    "url_instead_wsrc": {"en": "no name for the weights", "zh": "不显示权重的名称"},
    "url_instead_ov": {"en": "no forced gates", "zh": "不强制任何门"},
    "url_instead_w": {"en": "the sidebar's random model", "zh": "侧边栏的随机模型"},
    "url_instead_teach": {"en": "no teacher's key", "zh": "不使用老师密钥"},
    "url_instead_chapter": {"en": "the chapter's {value}", "zh": "本章的 {value}"},
    "url_notice_forced_dropped": {
        "en": "The link forces gates ({ov}) that its own weights ({cell}) do not have, in this layer or unit; "
        "they were dropped, so the model runs without forced gates.",
        "zh": "链接强制的门（{ov}）在它自带的权重（{cell}）中不存在（门、层或单元不符）；已忽略，模型不强制任何门。",
    },
    "url_notice_teach_alone": {
        "en": "The link has a teacher's key (teach=) but no class code (join=), so it was ignored: no class.",
        "zh": "链接带有老师密钥（teach=），但没有课堂代码（join=），已忽略：不加入课堂。",
    },
    "url_notice_chapter_elsewhere": {
        "en": "The link names lesson chapter {n}, which only the Lesson page shows; this page ignores it. "
        "Open the Lesson page to see that chapter.",
        "zh": "链接指定了课程第 {n} 章，只有“课程”页面会显示；本页忽略它。请打开“课程”页面查看该章。",
    },
    # --- sidebar: model ---
    "model_header": {"en": "Model", "zh": "模型"},
    "cell_kind_label": {"en": "Cell kind", "zh": "单元类型"},
    "cell_lstm": {"en": "LSTM", "zh": "LSTM"},
    "cell_rnn": {"en": "Plain RNN", "zh": "普通 RNN"},
    "num_layers_label": {"en": "Layers", "zh": "层数"},
    "or_type_label": {"en": "or type", "zh": "或输入"},
    "num_layers_help": {
        "en": "A stacked network: layer k's output h_t is layer k+1's input x_t.",
        "zh": "多层（堆叠）：第 k 层的隐藏状态 h_t 就是第 k+1 层的输入 x_t。",
    },
    "hidden_size_label": {
        "en": "Units, layer {k}",
        "zh": "第 {k} 层隐藏单元数",
    },
    "hidden_size_help": {
        "en": "The hidden size H of this layer: how many neurons (hidden units) are inside its cell. As the article puts "
        "it, a cell is one layer of neurons, like a layer of a CNN: the number of neurons is hidden inside the cell. "
        "Each hidden unit has its own gates, memory C and output h. 1–16 here.",
        "zh": "这一层的隐藏单元数 H：单元内部有多少个神经元（隐藏单元）。正如原文所说，一个单元就是一层神经元，就像 CNN 的一层："
        "神经元的个数“隐藏”在单元里面。每个隐藏单元都有自己的门、记忆 C 和隐藏状态 h。这里为 1–16。",
    },
    "seed_label": {"en": "Random seed", "zh": "随机种子"},
    "seed_help": {
        "en": "Picks the random weights (and the noise of noise/walk inputs). Same seed, same model.",
        "zh": "决定随机权重（以及噪声/随机游走输入）。种子相同，模型相同。",
    },
    "weight_scale_label": {"en": "Weight scale", "zh": "权重缩放"},
    "weight_scale_help": {
        "en": "Every weight is drawn from U(−1/√H, 1/√H) (PyTorch's default) and multiplied by this.",
        "zh": "每个权重取自 U(−1/√H, 1/√H)（PyTorch 默认），再乘以该系数。",
    },
    "forget_bias_label": {"en": "Forget-gate bias b_f", "zh": "遗忘门偏置 b_f"},
    "forget_bias_help": {
        "en": "b_f = b_if + b_hf, the bias inside f_t = σ(W_if·x_t + W_hf·h_(t−1) + b_f). When the weighted sum is near 0, "
        "b_f sets f: −1 gives f ≈ 0.27, 0 gives 0.50, +1 (the default) 0.73, +3 0.95, +5 0.993. f is the share of the "
        "memory kept per step: after 10 steps f = 0.73 keeps 4 %, f = 0.95 keeps 60 %, f = 0.993 keeps 93 %.",
        "zh": "b_f = b_if + b_hf，即 f_t = σ(W_if·x_t + W_hf·h_(t−1) + b_f) 中的偏置。加权和接近 0 时，b_f 决定 f："
        "−1 时 f ≈ 0.27，0 时 0.50，+1（默认）时 0.73，+3 时 0.95，+5 时 0.993。f 是每步保留的记忆比例："
        "10 步之后，f = 0.73 保留 4%，f = 0.95 保留 60%，f = 0.993 保留 93%。",
    },
    # --- sidebar: input ---
    "input_header": {"en": "Input sequence", "zh": "输入序列"},
    "input_kind_label": {"en": "Input", "zh": "输入"},
    "kind_sine": {"en": "Sine", "zh": "正弦波"},
    "kind_square": {"en": "Square", "zh": "方波"},
    "kind_sawtooth": {"en": "Sawtooth", "zh": "锯齿波"},
    "kind_step": {"en": "Step", "zh": "阶跃"},
    "kind_impulse": {"en": "Single impulse", "zh": "单个脉冲"},
    "kind_noise": {"en": "White noise", "zh": "白噪声"},
    "kind_walk": {"en": "Random walk", "zh": "随机游走"},
    "kind_typed": {"en": "Type or paste numbers", "zh": "输入或粘贴数字"},
    "kind_csv": {"en": "Upload a CSV file", "zh": "上传 CSV 文件"},
    "typed_label": {"en": "Numbers (x_1, x_2, …)", "zh": "数字（x_1, x_2, …）"},
    "typed_help": {
        "en": "Separate numbers with commas, spaces or new lines, e.g. 0, 0.5, 1, 0.5, 0. Up to 500 are used.",
        "zh": "用逗号、空格或换行分隔数字，例如 0, 0.5, 1, 0.5, 0。最多使用 500 个。",
    },
    "csv_label": {"en": "CSV file (up to {mb} MB)", "zh": "CSV 文件（最大 {mb} MB）"},
    "csv_help": {
        "en": "One column per input dimension, one row per timestep; a header row is optional.",
        "zh": "每列是一个输入维度，每行是一个时间步；表头可有可无。",
    },
    "csv_too_big": {
        "en": "This file is {got} KB; Gate Lab reads CSV files up to {mb} MB. Cut it down and upload again.",
        "zh": "该文件有 {got} KB；Gate Lab 只读取不超过 {mb} MB 的 CSV。请删减后重新上传。",
    },
    "csv_not_text": {
        "en": "This file is not UTF-8 text. Save it as CSV (UTF-8) and upload again.",
        "zh": "该文件不是 UTF-8 文本。请另存为 CSV（UTF-8）后重新上传。",
    },
    "seq_len_label": {"en": "Length T", "zh": "长度 T"},
    "amplitude_label": {"en": "Amplitude", "zh": "幅度"},
    "period_label": {"en": "Period (steps)", "zh": "周期（步）"},
    "onset_label": {"en": "At step", "zh": "发生于第几步"},
    "input_error": {
        "en": "This input cannot be used: {msg} The pages still show the last input that worked.",
        "zh": "此输入无法使用：{msg} 页面仍显示上一个可用的输入。",
    },
    "input_cut": {
        "en": "The data has {n} timesteps; Gate Lab shows the first {max}.",
        "zh": "数据共有 {n} 个时间步；Gate Lab 只显示前 {max} 个。",
    },
    "input_dims": {
        "en": "The input has {d} dimensions per step: x_t is a vector, and W_ih has {d} columns.",
        "zh": "每步输入有 {d} 个维度：x_t 是向量，W_ih 有 {d} 列。",
    },
    # --- sidebar: view and share ---
    "view_header": {"en": "Look at", "zh": "查看"},
    "view_layer_label": {"en": "Layer", "zh": "第几层"},
    "view_unit_label": {
        "en": "Unit",
        "zh": "隐藏单元",
    },
    "share_header": {"en": "🔗 Share this view", "zh": "🔗 分享当前视图"},
    "share_help": {
        "en": "This link opens exactly this page, model, input, step and language. It is also in the address bar.",
        "zh": "此链接会打开完全相同的页面、模型、输入、时间步和语言。地址栏中也是同一链接。",
    },
    "share_csv_note": {
        "en": "An uploaded file does not travel in a link: whoever opens it uploads the same file.",
        "zh": "上传的文件不会包含在链接中：打开链接的人需上传同一文件。",
    },
    # --- step controls ---
    "step_first_help": {"en": "First step (Home)", "zh": "第一步（Home 键）"},
    "step_prev_help": {"en": "Previous step (← key)", "zh": "上一步（← 键）"},
    "step_next_help": {"en": "Next step (→ key)", "zh": "下一步（→ 键）"},
    "step_last_help": {"en": "Last step (End)", "zh": "最后一步（End 键）"},
    "step_caption": {
        "en": "Step t = {t} of {T}. Timesteps count from 1 here; arrays in code count from 0.",
        "zh": "第 t = {t} 步，共 {T} 步。这里的时间步从 1 开始计数；代码中的数组从 0 开始。",
    },
    "play_speed_label": {"en": "Steps per second", "zh": "每秒步数"},
    # --- cell page ---
    "cell_title_lstm": {"en": "One hidden unit of an LSTM cell", "zh": "LSTM 单元中的一个隐藏单元"},
    "cell_title_rnn": {"en": "One hidden unit of a plain RNN cell", "zh": "普通 RNN 单元中的一个隐藏单元"},
    "cell_intro_lstm": {
        "en": "The memory $C$ runs along the top. The forget gate $f$ decides how much of $C_{t-1}$ to keep, the "
        "input gate $i$ how much of the candidate $g$ to write, and the output gate $o$ how much of "
        "tanh(Cₜ) reaches $h_t$. Every wire shows its value at this step.",
        "zh": "记忆 $C$ 沿顶部流动。遗忘门 $f$ 决定保留多少 $C_{t-1}$，输入门 $i$ 决定写入多少候选值 $g$，"
        "输出门 $o$ 决定 tanh(Cₜ) 有多少传到 $h_t$。每条连线都标出了本步的数值。",
    },
    "cell_intro_rnn": {
        "en": "A plain RNN joins $h_{t-1}$ and $x_t$, applies weights, adds a bias and takes one tanh: that is $h_t$. No memory line, no gates. (The article says it multiplies by weights and bias; the bias is added, as in PyTorch's nn.RNN.)",
        "zh": "普通 RNN 把 $h_{t-1}$ 和 $x_t$ 拼接，乘以权重、加上偏置、再经过一个 tanh，就得到 $h_t$。没有记忆线，也没有门。（原文说“乘以权重和偏置”；偏置其实是加上去的，与 PyTorch 的 nn.RNN 相同。）",
    },
    "diagram_title": {
        "en": "Layer {layer} · unit {unit} · t = {t}",
        "zh": "第 {layer} 层 · 隐藏单元 {unit} · t = {t}",
    },
    "x_vector_note": {
        "en": "In layer {layer}, x_t has {d} numbers (the diagram shows the first few); for layers above the first, x_t is the h_t of the layer below.",
        "zh": "在第 {layer} 层，x_t 有 {d} 个数（图中只显示前几个）；从第 2 层起，第 k 层的 x_t 就是第 k−1 层的 h_t。",
    },
    "reading_header": {"en": "What happens at this step", "zh": "这一步发生了什么"},
    "equations_header": {
        "en": "The equations, unit {unit}",
        "zh": "公式（隐藏单元 {unit}）",
    },
    "forced": {"en": "forced", "zh": "强制"},
    "all_units_header": {
        "en": "Every unit of layer {layer} at t = {t}",
        "zh": "第 {layer} 层所有隐藏单元（t = {t}）",
    },
    "unit": {
        "en": "unit",
        "zh": "隐藏单元",
    },
    "row_i": {"en": "i (input gate)", "zh": "i（输入门）"},
    "row_f": {"en": "f (forget gate)", "zh": "f（遗忘门）"},
    "row_g": {"en": "g = C̃ (candidate)", "zh": "g = C̃（候选值）"},
    "row_o": {"en": "o (output gate)", "zh": "o（输出门）"},
    "row_c": {
        "en": "C (memory)",
        "zh": "C（记忆，单元状态）",
    },
    "find_header": {
        "en": "Find a step: where is one unit's gate or state lowest or highest?",
        "zh": "找一个时间步：某个隐藏单元的门或状态在哪一步最低或最高？",
    },
    "find_series": {"en": "Gate or state", "zh": "门或状态"},
    "find_which": {"en": "Where it is", "zh": "找"},
    "find_min": {"en": "lowest", "zh": "最低"},
    "find_max": {"en": "highest", "zh": "最高"},
    "find_go": {"en": "Go to that step", "zh": "跳到那一步"},
    "find_result": {
        "en": "{what} of unit {unit}: t = {t}, value {v}.",
        "zh": "隐藏单元 {unit} 的 {what}：t = {t}，数值 {v}。",
    },
    "row_dc": {"en": "ΔC = Cₜ − Cₜ₋₁ (the memory's change)", "zh": "ΔC = Cₜ − Cₜ₋₁（记忆的变化）"},
    "row_h": {
        "en": "h (output)",
        "zh": "h（隐藏状态，本步的输出）",
    },
    "code_header": {
        "en": "The article's pseudocode, corrected, with live values",
        "zh": "原文伪代码（已更正，实时数值）",
    },
    "code_corrected": {
        "en": "Corrected from the article: its typos fixed, `combine` built with "
        "`np.concatenate` (the article joins — 拼接 — the two vectors; `+` in NumPy would add them element by element), "
        "and its driver loop unpacked in the right order (see below).",
        "zh": "相对原文的更正：修正了笔误，用 `np.concatenate` 构造 `combine`（原文的意思是把两个向量拼接；"
        "NumPy 中的 `+` 会逐元素相加），并按正确顺序解包驱动循环的返回值（见下文）。",
    },
    "code_stack_header": {
        "en": "**Many layers: the loop the article left for later (its code “暂时没写”, not written yet), for the model on screen.**",
        "zh": "**多层 LSTM（堆叠）：原文说代码“暂时没写”的多层循环，对应当前屏幕上的模型。**",
    },
    "code_stack_sizes": {"en": "one cell per layer, H neurons each", "zh": "每层一个单元，各含 H 个神经元"},
    "code_stack_up": {
        "en": "layer k's h_t is layer k+1's input at the same step",
        "zh": "第 k 层的 h_t 是同一步第 k+1 层的输入",
    },
    "code_returns": {"en": "output first, then memory", "zh": "先返回输出，再返回记忆"},
    "code_article_wrong": {
        "en": "the article's line: swaps memory and output",
        "zh": "原文写法：记忆与输出被调换",
    },
    "code_note": {
        "en": "The article's loop wrote ct, ht = LSTMCELL(ct, ht, input), but LSTMCELL returns (ht, Ct): unpacked "
        "in that order, the memory would be fed back as the output and the output as the memory, every step. "
        "Unpack in the order the function returns.",
        "zh": "原文的循环写成 ct, ht = LSTMCELL(ct, ht, input)，但 LSTMCELL 返回的是 (ht, Ct)：按原文的顺序解包，"
        "每一步记忆都会被当成输出、输出被当成记忆传回去。解包顺序必须与函数的返回顺序一致。",
    },
    "credit": {
        "en": "The path of this app follows zuotongbin's article on LSTMs (cnblogs, 2019-04-12, CC BY-SA 4.0): "
        "RNN, why it fails on long sequences, the LSTM's memory and gates, stacked cells, classifying series.",
        "zh": "本应用的思路来自 zuotongbin 的 LSTM 文章（博客园，2019-04-12，CC BY-SA 4.0）："
        "RNN、它为何难以处理长序列、LSTM 的记忆与门、多层 LSTM（堆叠）、时间序列分类。",
    },
    # --- diagram ---
    "node_f": {
        "en": "forget gate f = σ(…): how much of C_{t−1} is kept",
        "zh": "遗忘门 f = σ(…)：保留多少 C_{t−1}",
    },
    "node_i": {"en": "input gate i = σ(…): how much of g is written", "zh": "输入门 i = σ(…)：写入多少 g"},
    "node_g": {
        "en": "candidate g = tanh(…): what could be written",
        "zh": "候选值 g = tanh(…)：可能写入的内容",
    },
    "node_o": {
        "en": "output gate o = σ(…): how much of tanh(C_t) is shown",
        "zh": "输出门 o = σ(…)：输出多少 tanh(C_t)",
    },
    "node_kept": {"en": "f · C_{t−1}: the memory that is kept", "zh": "f · C_{t−1}：被保留的记忆"},
    "node_written": {"en": "i · g: what is written", "zh": "i · g：写入的内容"},
    "node_c": {"en": "C_t = f·C_{t−1} + i·g: the new memory", "zh": "C_t = f·C_{t−1} + i·g：新的记忆"},
    "node_tanh_c": {
        "en": "tanh(C_t): the memory squashed to −1 … 1",
        "zh": "tanh(C_t)：压缩到 −1 … 1 的记忆",
    },
    "node_h": {"en": "h_t: the output of this step", "zh": "h_t：本步的输出"},
    "gate_f": {"en": "forget", "zh": "遗忘门"},
    "gate_i": {"en": "input", "zh": "输入门"},
    "gate_g": {"en": "candidate", "zh": "候选值"},
    "gate_o": {"en": "output", "zh": "输出门"},
    "memory_line": {
        "en": "memory C (the cell state)",
        "zh": "记忆 C（单元状态）",
    },
    "legend_gate": {"en": "gate, 0 (closed) … 1 (open)", "zh": "门：0（关闭）… 1（打开）"},
    "legend_value": {"en": "value, −1 … +1", "zh": "数值：−1 … +1"},
    "play": {"en": "Play", "zh": "播放"},
    "pause": {"en": "Pause", "zh": "暂停"},
    # --- plain reading ---
    "read_f": {
        "en": "The forget gate keeps **{f} %** of the old memory: Cₜ₋₁ = {c_prev} becomes {kept}.",
        "zh": "遗忘门保留了旧记忆的 **{f}%**：Cₜ₋₁ = {c_prev} 变为 {kept}。",
    },
    "read_i": {
        "en": "The input gate lets in **{i} %** of the candidate g = {g}, which writes {written}.",
        "zh": "输入门把候选值 g = {g} 的 **{i}%** 写入记忆，即写入 {written}。",
    },
    "read_c": {
        "en": "The memory is now **Cₜ = {c}** (ΔC = Cₜ − Cₜ₋₁ = {dc}).",
        "zh": "现在的记忆是 **Cₜ = {c}**（ΔC = Cₜ − Cₜ₋₁ = {dc}）。",
    },
    "read_o": {
        "en": "The output gate shows **{o} %** of tanh(Cₜ) = {tanh_c}, so **hₜ = {h}**.",
        "zh": "输出门让 tanh(Cₜ) = {tanh_c} 的 **{o}%** 通过，所以隐藏状态 **hₜ = {h}**。",
    },
    "read_forced": {
        "en": "(Gate {gates} was forced by a what-if override at this step.)",
        "zh": "（本步中门 {gates} 被假设实验强制赋值。）",
    },
    "read_rnn": {
        "en": "The RNN mixes hₜ₋₁ = {h_prev} with xₜ into a = {pre}, and squashes it: **hₜ = tanh(a) = {h}**. "
        "Whatever it remembers must survive this squashing at every step.",
        "zh": "RNN 把 hₜ₋₁ = {h_prev} 与 xₜ 混合成 a = {pre}，再压缩：**hₜ = tanh(a) = {h}**。"
        "它记住的任何东西都必须在每一步经受这种压缩。",
    },
    # --- timeline page ---
    "timeline_title": {
        "en": "Gates, candidate, memory and output across time",
        "zh": "门、候选值、记忆和隐藏状态随时间的变化",
    },
    "timeline_intro": {
        "en": "Each heatmap is one quantity: rows are hidden units, columns are timesteps. Green gates are open (≈ 1), white ones closed (≈ 0); red values are positive, blue negative. Every column was computed by the same cell with the same weights: one set of weights, unrolled through time. The dotted line is the current step; click a point of the input chart to jump to that step.",
        "zh": "每张热图是一个量：行是隐藏单元，列是时间步。绿色的门是打开的（≈ 1），白色是关闭的（≈ 0）；红色数值为正，蓝色为负。每一列都由同一个单元、用同一组权重算出：同一个单元在不同时刻展开。虚线是当前时间步；点击输入图上的点即可跳到该时间步。",
    },
    "download_csv": {"en": "Download the trace (CSV)", "zh": "下载完整轨迹（CSV）"},
    "layer_title": {"en": "Layer {k} (H = {H})", "zh": "第 {k} 层（H = {H}）"},
    "time_axis": {"en": "timestep t", "zh": "时间步 t"},
    "input_chart_title": {"en": "Input x_t", "zh": "输入 x_t"},
    # --- layers page ---
    "layers_title": {"en": "The stack at this step", "zh": "本步的整个堆叠"},
    "layers_intro": {
        "en": "A cell is one layer of neurons, as the article says to a reader who knows CNNs: where a CNN layer shows its channels, an LSTM layer hides its H neurons inside the cell. x_t enters layer 1 at the bottom; layer k's hidden state h_t is layer k+1's input x_t at the same step, and each layer has its own hidden size, weights and memory.",
        "zh": "正如原文对熟悉 CNN 的读者所说，一个单元就是一层神经元：CNN 的一层把通道摆在外面，LSTM 的一层把 H 个神经元藏在单元里面。x_t 从底部进入第 1 层；第 k 层的隐藏状态 h_t 就是同一步第 k+1 层的输入 x_t，每层都有自己的隐藏单元数、权重和记忆。",
    },
    "stack_layer": {
        "en": "Layer {k} (H = {H}) — its h_t goes up",
        "zh": "第 {k} 层（H = {H}）—— 其 h_t 向上传递",
    },
    "stack_input": {"en": "Input x_t — enters layer 1", "zh": "输入 x_t —— 进入第 1 层"},
    "layers_units_label": {"en": "Units shown", "zh": "显示的隐藏单元"},
    "layers_units_page": {"en": "units {a}–{b} of {H}", "zh": "第 {a}–{b} 个隐藏单元（共 {H} 个）"},
    "layers_units_help": {
        "en": "This model has more units than fit side by side, so the stack shows at most {n} units of each layer at a time: the page that holds the chosen unit (a smaller layer shows its last page). Choosing a page selects its first unit.",
        "zh": "这个模型的隐藏单元太多，无法并排显示，所以每层一次最多显示 {n} 个：所选隐藏单元所在的那一页（较小的层显示它的最后一页）。选择一页，就会选中该页的第一个隐藏单元。",
    },
    # --- why LSTM page ---
    "page_why": {"en": "Why LSTM", "zh": "为什么需要 LSTM"},
    "why_title": {
        "en": "Why LSTM: gradients that vanish or explode",
        "zh": "为什么需要 LSTM：梯度消失与梯度爆炸",
    },
    "why_intro": {
        "en": "A plain RNN learns from its gradients, and the gradient of the last output with respect to an early "
        "input passes back through every step in between. Below, a plain RNN, a GRU, an MGU and an LSTM of the "
        "same sizes read the same input (set in the sidebar). The upper chart shows how much the final output $h_T$ still depends "
        "on each input $x_t$; the lower one follows the LSTM's memory line. Both are on a log scale.",
        "zh": "普通 RNN 依靠梯度学习，而最后输出对早期输入的梯度要穿过中间的每一步才能传回来。"
        "下面，大小相同的普通 RNN、GRU、MGU 和 LSTM 读入同一个输入（在侧边栏设置）。第一张图显示最终隐藏状态 $h_T$ "
        "对每个输入 $x_t$ 的依赖程度；第二张图追踪 LSTM 的记忆线。两图均为对数坐标。",
    },
    "why_rho_label": {"en": "Recurrent spectral radius ρ", "zh": "循环权重谱半径 ρ"},
    "why_rho_help": {
        "en": "The recurrent weights of all four networks are rescaled so that the largest |eigenvalue| (spectral "
        "radius ρ) of the RNN's W_hh, of the GRU's candidate block W_hn, of the MGU's W_hn and of the LSTM's candidate block W_hg, is ρ. What holds: each step back multiplies the "
        "RNN's gradient by W_hhᵀ·diag(tanh′) with tanh′ ≤ 1, so if the largest singular value of W_hh is below 1 the "
        "gradient shrinks at every step. ρ is at most that singular value; well below 1 the RNN forgets within a few "
        "steps, near 1 (0.95, say) it forgets slowly, and above 1 its gradient can grow. The text under the charts "
        "gives the rate measured on this run.",
        "zh": "四个网络的循环权重都被缩放，使 RNN 的 W_hh、GRU 候选值块 W_hn、MGU 的 W_hn 和 LSTM 候选值块 W_hg 的最大特征值模"
        "（谱半径 ρ）为 ρ。"
        "可以确定的是：每回溯一步，RNN 的梯度乘以 W_hhᵀ·diag(tanh′)，且 tanh′ ≤ 1，所以若 W_hh 的最大奇异值小于 1，"
        "梯度每一步都会缩小。ρ 不超过这个奇异值；ρ 远小于 1 时 RNN 几步之内就会遗忘，接近 1（例如 0.95）时遗忘得慢，"
        "大于 1 时梯度可能增长。图下的文字给出本次运行实测的倍率。",
    },
    "list_sep": {"en": ", ", "zh": "，"},
    "why_rho_shown": {
        "en": "Measured with numpy.linalg.eigvals (first layer): {items}.",
        "zh": "用 numpy.linalg.eigvals 计算（第一层）：{items}。",
    },
    "why_rho_item": {"en": "ρ({block}) of the {kind} = {rho}", "zh": "{kind} 的 ρ({block}) = {rho}"},
    "why_preset_vanish": {"en": "RNN vanishes", "zh": "RNN 梯度消失"},
    "why_preset_explode": {"en": "RNN explodes", "zh": "RNN 梯度爆炸"},
    "why_preset_remember": {"en": "LSTM remembers", "zh": "LSTM 记得住"},
    "why_preset_forget": {"en": "LSTM forgets (b_f −3)", "zh": "LSTM 遗忘（b_f −3）"},
    "why_reach_title": {
        "en": "How much h_T depends on each input x_t",
        "zh": "h_T 对每个输入 x_t 的依赖程度",
    },
    "why_reach_axis": {"en": "‖∂h_T/∂x_t‖ (log scale)", "zh": "‖∂h_T/∂x_t‖（对数坐标）"},
    "why_memory_title": {"en": "The LSTM's memory line", "zh": "LSTM 的记忆线"},
    "why_memory_axis": {"en": "RMS over units (log scale)", "zh": "隐藏单元上的均方根（对数坐标）"},
    "why_overflow": {
        "en": "{name}: beyond float64 (> 1e308) — exploded",
        "zh": "{name}：超出 float64 范围（> 1e308）——已爆炸",
    },
    "why_underflow": {
        "en": "{name}: below float64 (< 2.2e-308) — vanished",
        "zh": "{name}：低于 float64 范围（< 2.2e-308）——已消失",
    },
    "why_falls": {"en": "falls by {d} decades", "zh": "下降 {d} 个数量级"},
    "why_rises": {"en": "rises by {d} decades", "zh": "上升 {d} 个数量级"},
    "why_falls_beyond": {
        "en": "falls by more than {d} decades (below 2.2e-308, float64's smallest normal number)",
        "zh": "下降超过 {d} 个数量级（低于 float64 的最小正规数 2.2e-308）",
    },
    "why_rises_beyond": {
        "en": "rises by more than {d} decades (beyond 1.8e308, float64's largest number)",
        "zh": "上升超过 {d} 个数量级（超出 float64 能表示的最大数 1.8e308）",
    },
    "why_explain_rnn": {
        "en": "**Why the RNN's curve (upper chart, red) falls or climbs like a straight line on a log scale.** Going one "
        "step back multiplies the RNN's gradient by the matrix $W_{{hh}}^\\top\\,\\mathrm{{diag}}(\\tanh')$ of that "
        "step. From $t = T$ back to $t = 1$ its curve **{rnn_span}**: measured on this run, that is a factor of "
        "**{per_step} per step**, repeated $T - 1$ = {n} times. {estimate}",
        "zh": "**为什么 RNN 的曲线（第一张图，红色）在对数坐标下像直线一样下降或上升。** 每往回一步，RNN 的梯度都要乘以"
        "那一步的矩阵 $W_{{hh}}^\\top\\,\\mathrm{{diag}}(\\tanh')$。从 $t = T$ 回到 $t = 1$，它的曲线**{rnn_span}**："
        "在本次运行中实测为**每步乘以 {per_step}**，重复 $T - 1$ = {n} 次。{estimate}",
    },
    "why_explain_lstm_keeps": {
        "en": "**Why the LSTM's curve (upper chart, blue) does not have to.** Its memory is updated by addition, "
        "$C_t = f_t \\odot C_{{t-1}} + i_t \\odot g_t$. Along the memory line alone — the direct path "
        "$C_{{t-1}} \\to C_t$, the green dashed line in the lower chart — one step back multiplies the gradient "
        "by $f_t$: no weight matrix, no squashing. The forget gates' geometric mean here is {fgeo}, and the "
        "direct path {f_span} over the sequence. The LSTM's curve in the upper chart **{lstm_span}**. {carrier}",
        "zh": "**为什么 LSTM 的曲线（第一张图，蓝色）不必如此。** 它的记忆通过加法更新：$C_t = f_t \\odot C_{{t-1}} + "
        "i_t \\odot g_t$。只沿记忆线——直接路径 $C_{{t-1}} \\to C_t$，即第二张图的绿色虚线——回溯一步，梯度只乘以 "
        "$f_t$：没有权重矩阵，也没有压缩。这里遗忘门的几何平均为 {fgeo}，直接路径在整个序列上{f_span}。"
        "第一张图中 LSTM 的曲线**{lstm_span}**。{carrier}",
    },
    "why_explain_lstm_loses": {
        "en": "**The LSTM's memory line could carry the gradient — but here it forgets.** Its memory is updated by "
        "addition, $C_t = f_t \\odot C_{{t-1}} + i_t \\odot g_t$, so along the memory line alone — the direct "
        "path, the green dashed line in the lower chart — one step back multiplies the gradient by $f_t$. The "
        "forget gates' geometric mean here is only {fgeo}, so the direct path {f_span}, and the LSTM's curve in "
        "the upper chart (blue) **{lstm_span}**. Raise the forget bias to +3 … +5 and watch the green line "
        "straighten out.",
        "zh": "**LSTM 的记忆线本可以把梯度带回来——但这里它在遗忘。** 它的记忆通过加法更新："
        "$C_t = f_t \\odot C_{{t-1}} + i_t \\odot g_t$，所以只沿记忆线——直接路径，即第二张图的绿色虚线——回溯一步，"
        "梯度只乘以 $f_t$。这里遗忘门的几何平均只有 {fgeo}，所以直接路径{f_span}，第一张图中 LSTM 的曲线（蓝色）"
        "**{lstm_span}**。把遗忘门偏置调到 +3 … +5，就能看到绿线变平。",
    },
    "why_explain_lstm_grows": {
        "en": "**Here the LSTM's gradient grows too.** Along the memory line alone — the direct path, the green "
        "dashed line in the lower chart — one step back multiplies the gradient by $f_t$, which cannot exceed 1 "
        "(geometric mean here {fgeo}; the direct path {f_span}). But the LSTM's curve in the upper chart (blue) "
        "**{lstm_span}**: the growth comes through the other paths, $h_{{t-1}}$ and the gates, whose recurrent "
        "weights are this large. The memory line itself never explodes.",
        "zh": "**这里 LSTM 的梯度也在增长。** 只沿记忆线——直接路径，即第二张图的绿色虚线——回溯一步，梯度乘以 $f_t$，"
        "它不会超过 1（这里几何平均为 {fgeo}；直接路径{f_span}）。但第一张图中 LSTM 的曲线（蓝色）**{lstm_span}**："
        "增长来自其他路径，即 $h_{{t-1}}$ 和各个门，它们的循环权重这么大。记忆线本身永远不会爆炸。",
    },
    "why_path_gap": {
        "en": "The full memory Jacobian $\\partial C_T/\\partial C_t$ (blue, lower chart) also runs through "
        "$h_{{t-1}}$ and the gates; at $t = 1$ it stands {gap} decades {where} the direct path. Both curves are "
        "root-mean-squares over the {H} hidden units, so both start at 1 at $t = T$.",
        "zh": "完整的记忆雅可比 $\\partial C_T/\\partial C_t$（第二张图中的蓝线）还经过 $h_{{t-1}}$ 和各个门；在 $t = 1$ 处它比直接路径"
        "{where} {gap} 个数量级。两条曲线都是 {H} 个隐藏单元上的均方根，所以在 $t = T$ 处都从 1 开始。",
    },
    "why_estimate_fits": {
        "en": "The estimate $\\rho(W_{{hh}}) \\times$ average $\\tanh'$ = {rho} × {slope} = {estimate} is within "
        "{off}\u00a0% of that: with $\\tanh'$ nearly the same at every step, the spectral radius of $W_{{hh}}$ (its largest "
        "|eigenvalue|) sets the rate.",
        "zh": "估计值 $\\rho(W_{{hh}}) \\times$ $\\tanh'$ 的平均值 = {rho} × {slope} = {estimate}，与实测值相差在 "
        "{off}% 以内：每一步的 $\\tanh'$ 几乎相同，所以由 $W_{{hh}}$ 的谱半径（最大特征值模）决定倍率。",
    },
    "why_estimate_misses": {
        "en": "The estimate $\\rho(W_{{hh}}) \\times$ average $\\tanh'$ = {rho} × {slope} = {estimate} misses it by "
        "{off}\u00a0%: here $\\tanh'$ changes a lot from step to step, and the average of the factors is not the "
        "typical factor of their product.",
        "zh": "估计值 $\\rho(W_{{hh}}) \\times$ $\\tanh'$ 的平均值 = {rho} × {slope} = {estimate}，与实测值相差 "
        "{off}%：这里 $\\tanh'$ 每一步变化很大，而各因子的平均值并不是它们连乘积的典型因子。",
    },
    "why_carrier_memory": {
        "en": "The memory line carries the gradient back: the full memory Jacobian stays within {gap} decades of "
        "the direct path.",
        "zh": "记忆线把梯度带了回来：完整的记忆雅可比与直接路径相差不到 {gap} 个数量级。",
    },
    "why_carrier_gates": {
        "en": "The gradient does not come back mainly along the memory line, though: it travels through "
        "$h_{t-1}$ and the gates (see below).",
        "zh": "不过，梯度主要不是沿记忆线传回来的：它经过 $h_{t-1}$ 和各个门（见下文）。",
    },
    "why_above": {"en": "above", "zh": "高"},
    "why_below": {"en": "below", "zh": "低"},
    "why_sidebar_note": {
        "en": "All four networks use the sidebar's input, layers, hidden sizes, seed and weight scale; the "
        "forget-gate bias sets the LSTM's b_f, the GRU's b_z and, with the opposite sign, the MGU's b_f (the MGU "
        "keeps 1 − f). The presets set those knobs too.",
        "zh": "四个网络都使用侧边栏的输入、层数、隐藏单元数、随机种子和权重缩放；遗忘门偏置同时设定 LSTM 的 b_f、GRU 的 b_z，"
        "以及取相反符号后 MGU 的 b_f（MGU 保留的是 1 − f）。预设也会设置这些参数。",
    },
    # --- custom weights (sidebar, links) ---
    "page_weights": {"en": "Weights lab", "zh": "权重实验室"},
    "url_notice_weights": {
        "en": "This link was made with custom weights that are too big to travel in a link, so you see the "
        "seeded model. Ask for the exported weights file (.npz) and import it in the Weights lab.",
        "zh": "此链接使用的自定义权重太大，无法放进链接，所以这里显示的是随机种子模型。请向对方索取导出的权重文件（.npz），"
        "并在权重实验室中导入。",
    },
    "custom_active": {
        "en": "Custom weights: {what}. The seed, scale and shape controls do not apply.",
        "zh": "自定义权重：{what}。随机种子、缩放和结构设置暂不生效。",
    },
    "custom_edited": {"en": "edited by hand", "zh": "手动编辑"},
    "custom_preset": {"en": "preset “{name}”", "zh": "预设“{name}”"},
    "custom_import": {"en": "imported from {name}", "zh": "导入自 {name}"},
    "custom_shared": {"en": "from a shared link", "zh": "来自分享链接"},
    "weights_reset": {"en": "↺ Back to the random model", "zh": "↺ 恢复为随机初始模型"},  # = badge_clear
    "status_seed": {
        "en": "Random weights from seed {seed} (PyTorch's initialisation, scaled). Edit them, load a preset or import your own.",
        "zh": "由随机种子 {seed} 生成的权重（PyTorch 的初始化方式，已缩放）。可以编辑、加载预设或导入你自己的权重。",
    },
    "input_dim_mismatch": {
        "en": "The model reads {need} numbers per step (x_t has {need} entries) but this input has {got}. Choose an input with {need} column(s), or go back to the random model.",
        "zh": "模型每步读入 {need} 个数（x_t 有 {need} 个分量），但此输入有 {got} 个。请选择有 {need} 列的输入，或恢复为随机初始模型。",
    },
    "overrides_dropped": {
        "en": "The what-if overrides no longer fit this model or input and were cleared: {msg}",
        "zh": "假设实验的强制设置已不适用于当前模型或输入，已清除：{msg}",
    },
    "share_too_big": {
        "en": "These custom weights are too big for a link (a link holds at most 8 KB). "
        "Export them in the Weights lab and send the file.",
        "zh": "这些自定义权重太大，无法放进链接（链接最多 8 KB）。请在权重实验室导出并发送文件。",
    },
    # --- weights lab ---
    "weights_title": {"en": "Weights lab", "zh": "权重实验室"},
    "weights_intro": {
        "en": "Change the numbers inside the cell and watch every page follow: edit a weight, move a gate's bias, "
        "load a hand-designed cell, force a gate to see what would happen, or bring in a model you trained.",
        "zh": "改动单元内部的数字，所有页面都会随之变化：编辑权重、调整门的偏置、加载手工设计的单元、"
        "强制某个门看看会发生什么，或者导入你训练好的模型。",
    },
    "tab_edit": {"en": "✏️ Edit weights", "zh": "✏️ 编辑权重"},
    "tab_presets": {"en": "🎓 Teaching presets", "zh": "🎓 教学预设"},
    "tab_whatif": {
        "en": "🔀 What if",
        "zh": "🔀 假设实验",
    },
    "tab_files": {"en": "📂 Import / export", "zh": "📂 导入 / 导出"},
    "edit_help": {
        "en": "Layer {layer} (choose the layer in the sidebar). One gate (or the candidate) at a time: a row is a hidden "
        "unit; columns x are W_ih (one per input), h are W_hh (one per hidden unit of the layer), then the two biases. "
        "Edit a cell of the table and press Enter.",
        "zh": "第 {layer} 层（在侧边栏选择层）。每次一个门（或候选值）：每行是一个隐藏单元；x 列是 W_ih（每个输入一列），"
        "h 列是 W_hh（本层每个隐藏单元一列），最后是两个偏置。编辑表格中的数后按回车。",
    },
    "edit_gate_label": {"en": "Gate or candidate", "zh": "门或候选值"},
    "gate_name_i": {"en": "i input", "zh": "输入门 i"},
    "gate_name_f": {"en": "f forget", "zh": "遗忘门 f"},
    "gate_name_g": {"en": "g candidate", "zh": "候选值 g"},
    "gate_name_o": {"en": "o output", "zh": "输出门 o"},
    "gate_name_h": {"en": "h (tanh)", "zh": "h（tanh）"},
    "edit_bias_label": {"en": "Bias b_{g} of every hidden unit", "zh": "所有隐藏单元的偏置 b_{g}"},
    "edit_bias_help": {
        "en": "Sets b_ih + b_hh of this gate to the same value for every unit (b_ih = value − b_hh).",
        "zh": "把本门所有隐藏单元的 b_ih + b_hh 设为同一个值（b_ih = 该值 − b_hh）。",
    },
    "edit_mult_label": {"en": "Multiplier of W_i{g}, W_h{g}", "zh": "W_i{g}、W_h{g} 的倍数"},
    "edit_mult_help": {
        "en": "Scales this gate's input and recurrent weights; 1 is where they were before you moved it.",
        "zh": "缩放本门的输入权重和循环权重；1 表示移动滑块前的数值。",
    },
    "edit_columns": {
        "en": "{d} input column(s) x, {h} recurrent column(s) h. Values up to ±1,000,000.",
        "zh": "{d} 个输入列 x，{h} 个循环列 h。数值范围 ±1,000,000 以内。",
    },
    "edit_refused": {"en": "That edit was not applied: {msg}", "zh": "该修改未被应用：{msg}"},
    "preset_label": {"en": "Preset", "zh": "预设"},
    "preset_load": {"en": "Load this preset and its input", "zh": "加载此预设及其输入"},
    "preset_title_memory": {"en": "Perfect memory", "zh": "完美记忆"},
    "preset_title_forget": {"en": "Forget everything", "zh": "全部遗忘"},
    "preset_title_latch": {"en": "Latch (flip-flop)", "zh": "锁存器（触发器）"},
    "preset_title_counter": {"en": "Counter (integrator)", "zh": "计数器（积分器）"},
    "preset_title_spike": {"en": "Edge detector (input changes)", "zh": "边沿检测器（输入变化）"},
    "preset_title_copy": {"en": "Delay line: copy, one step late", "zh": "延迟线：晚一步复制"},
    "preset_title_rnn_lstm": {"en": "Plain RNN vs LSTM on a long input", "zh": "长输入上的普通 RNN 与 LSTM"},
    "preset_title_gru_hold": {"en": "GRU: the update gate as a latch", "zh": "GRU：作为锁存器的更新门"},
    "preset_text_gru_hold": {
        "en": "A one-unit GRU. The update gate z = σ(20 − 40·x) stays ≈ 1 while the input is below ½, so "
        "h_t = z·h_{t−1} + (1 − z)·n keeps h exactly; an input above ½ shuts z (≈ 0) and h becomes the candidate "
        "n = tanh(1.5·x). Step through: h holds 0.91 after the 1, ignores the 0.2, becomes 0.83 at the 0.8 and "
        "0.78 at the 0.7. W_hn = 0, so the reset gate r changes nothing here: z alone decides. Where an LSTM "
        "needs a forget and an input gate, a GRU ties them: what it keeps (z) and what it writes (1 − z) add up to 1.",
        "zh": "一个只有 1 个隐藏单元的 GRU。输入低于 ½ 时，更新门 z = σ(20 − 40·x) 保持 ≈ 1，"
        "所以 h_t = z·h_{t−1} + (1 − z)·n 原样保留 h；输入高于 ½ 时 z 关闭（≈ 0），h 变成候选值 n = tanh(1.5·x)。"
        "单步观察：输入 1 之后 h 保持 0.91，忽略 0.2，遇到 0.8 变为 0.83，遇到 0.7 变为 0.78。W_hn = 0，"
        "所以重置门 r 在这里不起作用：只由 z 决定。LSTM 需要遗忘门和输入门两个门，GRU 把它们绑在一起："
        "保留的份额（z）与写入的份额（1 − z）之和为 1。",
    },
    "preset_text_memory": {
        "en": "One hidden unit. The forget gate's bias is +10, so f ≈ 1 at every step: nothing is forgotten. The input gate opens only near x = 1 (W_ii = 20, b_i = −10, so x = 1 gives i ≈ 1 and x ≤ 0 gives i ≈ 0.00005): the impulse at t = 1 is written. After it the input keeps moving between −1 and 0, so the candidate g = tanh(2x) is far from 0 — up to −0.96 — yet i ≈ 0 writes none of it: **C never changes again**. Suggested input: that sequence, 32 steps. Step through and watch g change while C_t stays put.",
        "zh": "一个隐藏单元。遗忘门偏置为 +10，所以每一步 f ≈ 1：什么都不忘。输入门只在 x 接近 1 时打开（W_ii = 20，b_i = −10，x = 1 时 i ≈ 1，x ≤ 0 时 i ≈ 0.00005）：t = 1 的脉冲被写入。之后输入在 −1 和 0 之间变化，候选值 g = tanh(2x) 远离 0（最低到 −0.96），但 i ≈ 0，一点也写不进去：**C 再也不变**。建议输入：这段序列，共 32 步。逐步观察：g 在变，C_t 不动。",
    },
    "preset_text_forget": {
        "en": "One hidden unit with f ≈ 0 (forget-gate bias −10) and i ≈ 1: the old memory is cleared at every step, so **C_t is just this step's write, i_t·g_t = tanh(x_t)**: it no longer depends on C_{t−1}. Suggested input: white noise, where successive inputs are unrelated — compare C_{t−1} and C_t on the diagram. (On a smooth input such as a sine, C_{t−1} and C_t still look alike, because the inputs do.)",
        "zh": "一个隐藏单元，f ≈ 0（遗忘门偏置 −10），i ≈ 1：每一步都清空旧记忆，所以 **C_t 就是本步写入的 i_t·g_t = tanh(x_t)**：它不再依赖 C_{t−1}。建议输入：白噪声，相邻输入互不相关——在图上比较 C_{t−1} 和 C_t。（在正弦这类平滑输入上，C_{t−1} 和 C_t 仍然相似，因为输入本身相似。）",
    },
    "preset_text_latch": {
        "en": "Two hidden units remember **the sign of the last impulse** until the next one. On a +1 impulse, unit 1's input gate opens (i ≈ 1: it writes) while on a −1 its forget gate drops to f ≈ 0 (its memory is cleared); unit 2 does the opposite. Between impulses both keep their memory (f ≈ 1, i ≈ 0: nothing is cleared, nothing written), so h₁ − h₂ is positive after a +1 and negative after a −1. Suggested input: a few ±1 impulses typed by hand.",
        "zh": "两个隐藏单元记住**最后一个脉冲的符号**，直到下一个脉冲到来。遇到 +1 脉冲时，隐藏单元 1 的输入门打开（i ≈ 1：写入）；遇到 −1 时，它的遗忘门降到 f ≈ 0（记忆被清空）；隐藏单元 2 正好相反。脉冲之间两者都保持记忆（f ≈ 1，i ≈ 0：既不清空也不写入），所以 +1 之后 h₁ − h₂ 为正，−1 之后为负。建议输入：手动输入几个 ±1 脉冲。",
    },
    "preset_text_counter": {
        "en": "f ≈ 1 and i ≈ 1: nothing is forgotten and everything is written, so **C adds up the input** — "
        "C_t = g_1 + … + g_t with g = tanh(0.5·x) ≈ 0.5·x. Suggested input: a small square wave; C climbs while "
        "it is positive and falls while it is negative (the integral of a square wave is a triangle).",
        "zh": "f ≈ 1 且 i ≈ 1：什么都不忘，全部写入，所以 **C 把输入累加起来**——C_t = g_1 + … + g_t，"
        "其中 g = tanh(0.5·x) ≈ 0.5·x。建议输入：小幅方波；方波为正时 C 上升，为负时下降（方波的积分是三角波）。",
    },
    "preset_text_spike": {
        "en": "Unit 1 outputs a scaled copy of the input (h ≈ 0.64·x_t for x_t = ±1). Unit 2 writes tanh(3·x_t − 3·x_{t−1}), reading x_{t−1} from "
        "unit 1's h_{t−1} through W_hh: while the input holds still the two cancel, so **h of unit 2 fires only when "
        "the input changes**. Suggested input: a square wave; look at unit 2 on the Timeline.",
        "zh": "隐藏单元 1 输出输入的缩放副本（x_t = ±1 时 h ≈ 0.64·x_t）。隐藏单元 2 写入 tanh(3·x_t − 3·x_{t−1})，其中 x_{t−1} 通过 W_hh 从隐藏单元 1 的 "
        "h_{t−1} 读取：输入不变时两者抵消，所以**隐藏单元 2 的 h 只在输入变化时才有输出**。建议输入：方波；在时间线上看隐藏单元 2。",
    },
    "preset_text_copy": {
        "en": "A delay line of two hidden units. Unit 1 writes tanh(x_t) and outputs it (f ≈ 0, i ≈ 1, o ≈ 1). Unit 2 writes tanh(1.3·h_{t−1}) of unit 1 — it reads unit 1's previous output through W_hh — so **h of unit 2 repeats h of unit 1 one step late** (within 0.05). Suggested input: a square wave; on the Timeline, unit 2's rows are unit 1's shifted one column right. The same weights do this at every step.",
        "zh": "由两个隐藏单元组成的延迟线。隐藏单元 1 写入 tanh(x_t) 并输出（f ≈ 0，i ≈ 1，o ≈ 1）。隐藏单元 2 写入隐藏单元 1 的 tanh(1.3·h_{t−1})——它通过 W_hh 读取隐藏单元 1 上一步的输出——所以**隐藏单元 2 的 h 比隐藏单元 1 的 h 晚一步重复出现**（误差在 0.05 以内）。建议输入：方波；在时间线上，隐藏单元 2 的行就是隐藏单元 1 的行右移一列。每一步用的都是同一组权重。",
    },
    "preset_text_rnn_lstm": {
        "en": "The perfect-memory LSTM beside a plain RNN twin (h_t = tanh(2·x_t + 0.9·h_{t−1})) on one impulse followed by 199 zeros. Each step multiplies the RNN's memory by at most 0.9 (tanh shrinks large values more: 0.96 → 0.70 → 0.56), so it has lost it long before t = 200; **the LSTM still holds it**. The chart below shows both. See the Why LSTM page for the gradients.",
        "zh": "完美记忆的 LSTM 与一个作为对照的普通 RNN（h_t = tanh(2·x_t + 0.9·h_{t−1})）并排，输入是一个脉冲加 199 个零。RNN 的记忆每一步最多乘以 0.9（tanh 对大的值压缩得更多：0.96 → 0.70 → 0.56），所以远在 t = 200 之前就丢失了；**LSTM 仍然记得**。下图同时显示两者。梯度请看“为什么需要 LSTM”页面。",
    },
    "twin_title": {
        "en": "h_t of the LSTM and of its plain-RNN twin",
        "zh": "LSTM 与对照的普通 RNN 的 h_t",
    },
    "whatif_rnn": {
        "en": "What-if overrides force a gate; a plain RNN has none. Switch to an LSTM, a GRU or an MGU.",
        "zh": "假设实验强制设置门的值；普通 RNN 没有门。请切换到 LSTM、GRU 或 MGU。",
    },
    "whatif_help": {
        "en": "Force a gate of layer {layer} to a value at chosen steps and units, and compare with the original run. "
        "Every page then shows the forced run; forced gates have a red border on the Cell diagram.",
        "zh": "在选定的时间步和隐藏单元上把第 {layer} 层的某个门强制为一个值，并与原始运行比较。"
        "之后所有页面都显示强制后的运行；在单元图上被强制的门带红色边框。",
    },
    "ov_gate_label": {"en": "Gate (or the candidate) to force", "zh": "要强制的门（或候选值）"},
    "ov_units_label": {"en": "Units", "zh": "隐藏单元"},
    "ov_units_all": {"en": "all units", "zh": "所有隐藏单元"},
    "ov_value_label": {"en": "Force {g} to", "zh": "把 {g} 强制为"},
    "ov_steps_label": {"en": "From step … to step (1-based)", "zh": "从第几步到第几步（从 1 开始）"},
    "ov_add": {"en": "Force it", "zh": "强制"},
    "ov_clear": {"en": "Clear all overrides", "zh": "清除所有强制设置"},
    "ov_item": {
        "en": "- **{g} = {v}** in layer {layer}, {units}, steps {a} … {b}",
        "zh": "- **{g} = {v}**，第 {layer} 层，{units}，第 {a} … {b} 步",
    },
    "ov_units_some": {"en": "units {list}", "zh": "隐藏单元 {list}"},
    "whatif_original": {"en": "original", "zh": "原始"},
    "whatif_forced": {"en": "with the overrides", "zh": "强制后"},
    "whatif_chart_title": {
        "en": "The chosen unit: original run vs what if",
        "zh": "所选隐藏单元：原始运行与假设实验对比",
    },
    "whatif_cell_note": {
        "en": "**What if:** with the overrides h_t = {h} and C_t = {c}; in the original run h_t = {h0} and C_t = {c0}.",
        "zh": "**假设实验**：强制后 h_t = {h}，C_t = {c}；原始运行中 h_t = {h0}，C_t = {c0}。",
    },
    "diff_title": {
        "en": "Layer {k}: what the overrides changed (forced run − original)",
        "zh": "第 {k} 层：强制设置带来的变化（强制后 − 原始）",
    },
    "export_label": {
        "en": "Download these weights (.npz, PyTorch names)",
        "zh": "下载当前权重（.npz，PyTorch 命名）",
    },
    "export_help": {
        "en": "Load them back into PyTorch with lstm.load_state_dict({k: torch.from_numpy(v) for k, v in np.load(f).items()}).",
        "zh": "在 PyTorch 中加载：lstm.load_state_dict({k: torch.from_numpy(v) for k, v in np.load(f).items()})。",
    },
    "import_label": {
        "en": "Import weights: .npz or .safetensors, PyTorch or Keras names (up to {mb} MB)",
        "zh": "导入权重：.npz 或 .safetensors，PyTorch 或 Keras 命名（最大 {mb} MB）",
    },
    "import_refused": {"en": "Not imported: {msg}", "zh": "未导入：{msg}"},
    "import_found": {
        "en": "Found {layout} weights ({cell}): {layers} layer(s) of hidden size {sizes}, reading {d} input(s) "
        "per step.",
        "zh": "找到 {layout} 权重（{cell}）：共 {layers} 层，隐藏单元数 {sizes}，每步读入 {d} 个输入。",
    },
    "layout_pytorch": {"en": "PyTorch", "zh": "PyTorch"},
    "layout_keras": {"en": "Keras", "zh": "Keras"},
    "import_ignored": {
        "en": "Not recurrent weights, left out: {names}",
        "zh": "非循环层权重，已忽略：{names}",
    },
    "import_confirm": {"en": "Use these weights", "zh": "使用这些权重"},
    "export_code_header": {"en": "Export from PyTorch or Keras", "zh": "从 PyTorch 或 Keras 导出"},
    "internal_error": {
        "en": "Something went wrong on this page — not your fault. Your settings are kept: change one back, or press ↺ Back to the random model, or reload. If it happens again, send your teacher this page's link.",
        "zh": "此页面出错了——不是你的错。你的设置已保留：可以把刚改的设置改回去、点击 ↺ 恢复为随机初始模型，或刷新页面。如果再次发生，请把本页链接发给老师。",
    },
    # --- classification lab ---
    "page_classify": {"en": "Classify", "zh": "分类"},
    "custom_trained": {"en": "trained on “{name}”", "zh": "在“{name}”上训练"},
    "clf_title": {
        "en": "Classify time series: an LSTM beside the FCN",
        "zh": "时间序列分类：LSTM 与 FCN 并列比较",
    },
    "clf_intro": {
        "en": "This is what the article's author wanted LSTMs for; he had first classified time series with a fully convolutional network (FCN), and Wang et al. (2017) publish the FCN's results on the UCR archive beside 1-NN with DTW, the archive's standard baseline. An LSTM reads a series step by step, and a linear softmax head reads its last hidden state h_T (or, a choice below, the mean of h_1 … h_T). Train it here with this app's own NumPy backpropagation, train the FCN too, compare each with 1-nearest-neighbour (with Euclidean distance, and with DTW as the archive's baseline does), then open a trained recurrent model in the step-through pages to see what it learned.",
        "zh": "这正是原文作者想用 LSTM 做的事；他此前已用全卷积网络（FCN）对时间序列分类，Wang 等人（2017）在 UCR 数据集上公布了 FCN 的结果，并与该数据集的标准基线——基于 DTW 的 1-最近邻——并列比较。LSTM 逐步读入序列，一个线性 softmax 输出层读取它最后一步的隐藏状态 h_T（或 h_1 … h_T 的平均，可在下方选择）。在这里用本应用自己的 NumPy 反向传播训练它，也训练 FCN，把两者分别与 1-最近邻比较（用欧氏距离，也像数据集的基线那样用 DTW），然后把训练好的循环模型放进逐步演示页面，看看它学到了什么。",
    },
    "clf_task_label": {"en": "Data", "zh": "数据"},
    "clf_task_shapes": {"en": "Shapes: sine, square or sawtooth", "zh": "形状：正弦、方波还是锯齿波"},
    "clf_task_trend": {"en": "Trend: rising or falling under noise", "zh": "趋势：噪声中上升还是下降"},
    "clf_task_order": {"en": "Order: which spike came first", "zh": "顺序：哪个尖峰先出现"},
    "clf_task_count": {"en": "Count: 1, 2 or 3 spikes", "zh": "计数：1、2 还是 3 个尖峰"},
    "clf_task_speed": {"en": "Speed: slow or fast oscillation", "zh": "速度：慢振荡还是快振荡"},
    "clf_task_ucr": {
        "en": "Upload a UCR dataset (train + test files)",
        "zh": "上传 UCR 数据集（训练 + 测试文件）",
    },
    "clf_task_help_shapes": {
        "en": "500 + 500 series of 40 steps; random period, phase and noise. The defaults reach 100 % in about 10 s.",
        "zh": "训练、测试各 500 条、每条 40 步；周期、相位和噪声随机。默认设置约 10 秒达到 100%。",
    },
    "clf_task_help_trend": {
        "en": "A linear trend hidden in strong noise: the model must average over the whole series.",
        "zh": "隐藏在强噪声中的线性趋势：模型必须对整个序列取平均。",
    },
    "clf_task_help_order": {
        "en": "An up-spike and a down-spike at random places: which came first? Needs memory of an early event "
        "(the classic temporal-order task); the defaults (hidden 32, 40 epochs) solve it.",
        "zh": "一个向上尖峰和一个向下尖峰出现在随机位置：哪个先出现？需要记住早先的事件（经典的时间顺序任务）；"
        "默认设置（隐藏单元 32、40 轮）即可解决。",
    },
    "clf_task_help_count": {
        "en": "Count the spikes: the memory must add up events wherever they fall. Compare the LSTM with both "
        "1-NN baselines: Euclidean 1-NN compares the series point by point, DTW can shift the spikes into line.",
        "zh": "数尖峰：无论尖峰出现在哪里，记忆都必须把事件累加起来。把 LSTM 与两个 1-最近邻基线比较："
        "欧氏 1-最近邻逐点比较序列，DTW 则可以把尖峰错位对齐。",
    },
    "clf_task_help_speed": {
        "en": "Slow (period 16–24) or fast (5–8) oscillation, at any phase.",
        "zh": "慢（周期 16–24）或快（周期 5–8）振荡，相位任意。",
    },
    "clf_task_help_ucr": {
        "en": "The UCR archive's format: one series per line, the class label (a number) first, values separated "
        "by tabs or commas; equal-length series; a train file and a test file (up to 1 MB each).",
        "zh": "UCR 数据集的格式：每行一条序列，第一个是类别标签（数字），数值用制表符或逗号分隔；序列等长；"
        "一个训练文件和一个测试文件（各不超过 1 MB）。",
    },
    "clf_class_shapes_0": {"en": "sine", "zh": "正弦"},
    "clf_class_shapes_1": {"en": "square", "zh": "方波"},
    "clf_class_shapes_2": {"en": "sawtooth", "zh": "锯齿波"},
    "clf_class_trend_0": {"en": "rising", "zh": "上升"},
    "clf_class_trend_1": {"en": "falling", "zh": "下降"},
    "clf_class_order_0": {
        "en": "up first",
        "zh": "先上后下",
    },
    "clf_class_order_1": {
        "en": "down first",
        "zh": "先下后上",
    },
    "clf_class_count_0": {"en": "1 spike", "zh": "1 个尖峰"},
    "clf_class_count_1": {"en": "2 spikes", "zh": "2 个尖峰"},
    "clf_class_count_2": {"en": "3 spikes", "zh": "3 个尖峰"},
    "clf_class_speed_0": {"en": "slow", "zh": "慢"},
    "clf_class_speed_1": {"en": "fast", "zh": "快"},
    "clf_znorm": {
        "en": "z-normalise every series (mean 0, sd 1)",
        "zh": "对每条序列做 z 标准化（均值 0、标准差 1）",
    },
    "clf_ucr_train": {"en": "Train file", "zh": "训练文件"},
    "clf_ucr_test": {"en": "Test file", "zh": "测试文件"},
    "clf_ucr_help": {"en": "Upload both files to continue.", "zh": "请上传两个文件后继续。"},
    "clf_ucr_refused": {"en": "Not used: {msg}", "zh": "未使用：{msg}"},
    "clf_ucr_found": {
        "en": "{n} train and {m} test series of {T} steps, {k} classes.",
        "zh": "训练 {n} 条、测试 {m} 条，每条 {T} 步，共 {k} 个类别。",
    },
    "clf_settings": {"en": "Model and training", "zh": "模型与训练"},
    "clf_model_label": {"en": "Model", "zh": "模型"},
    "clf_model_fcn": {"en": "FCN", "zh": "FCN"},
    "clf_fcn_help": {
        "en": "The fully convolutional network of Wang, Yan and Oates (2017), the one the article's author started from: three blocks of convolution (kernels 8, 5, 3) → batch normalisation → ReLU, then the average over time and a linear softmax layer. The paper uses 128 · 256 · 128 filters; the default here is 16 · 32 · 16, an eighth of them, so that training on a UCR file such as GunPoint takes under a minute instead of a quarter of an hour (measured on GunPoint and ItalyPowerDemand: as accurate as 32 · 64 · 32, in less than half the time). Trained with this app's own NumPy backprop.",
        "zh": "Wang、Yan 和 Oates（2017）的全卷积网络，也就是原文作者起步时用的网络：三个“卷积（卷积核 8、5、3）→ 批归一化 → ReLU”块，"
        "然后对时间取平均，再接线性 softmax 层。论文用 128 · 256 · 128 个滤波器；这里默认用 16 · 32 · 16，即八分之一，"
        "好让在 GunPoint 这样的 UCR 文件上训练不到一分钟，而不是十几分钟（在 GunPoint 和 ItalyPowerDemand 上测得："
        "与 32 · 64 · 32 一样准确，用时不到一半）。用本应用自己的 NumPy 反向传播训练。",
    },
    "clf_fcn_widths": {"en": "Filters per block", "zh": "每块的滤波器数"},
    "clf_fcn_paper": {"en": "the paper's", "zh": "论文的设置"},
    "clf_fcn_too_long": {
        "en": "Not started: training an FCN with {w} filters for {e} epochs on {n} training and {m} test series of length {T} would take about {s} s by the lab's estimate, more than its limit of {budget} s. Choose fewer filters or fewer epochs, or use fewer or shorter series.",
        "zh": "未开始：按本实验室的估算，在 {n} 条训练序列和 {m} 条测试序列（长度 {T}）上把 {w} 个滤波器的 FCN 训练 {e} 轮约需 {s} 秒，超过了 {budget} 秒的上限。请减少滤波器或训练轮数，或使用更少、更短的序列。",
    },
    "clf_fcn_no_cell": {
        "en": "The FCN has no cell to step through: the Cell, Layers and Timeline pages show recurrent models. "
        "Train an LSTM, GRU, MGU or RNN to open it there.",
        "zh": "FCN 没有可以逐步查看的单元：单元、层和时间线页面展示的是循环模型。训练一个 LSTM、GRU、MGU 或 RNN 即可在这些页面中打开它。",
    },
    "clf_probs_title_fcn": {
        "en": "Class probabilities if the series ended at step t (the FCN run on x_1 … x_t)",
        "zh": "如果序列在第 t 步结束时的类别概率（FCN 作用于 x_1 … x_t）",
    },
    "clf_probs_help_fcn": {
        "en": "Each curve is the class probability the FCN gives to the series cut at step t: the network is run "
        "again on x_1 … x_t (it has no state carried from step to step; the average over time covers what it was "
        "given). The last step's values are its answer.",
        "zh": "每条曲线是 FCN 对截止到第 t 步的序列给出的类别概率：网络在 x_1 … x_t 上重新运行一遍（它没有逐步携带的状态；"
        "对时间的平均只覆盖给它的那一段）。最后一步的值就是它的答案。",
    },
    "clf_readout": {"en": "The head reads", "zh": "输出层读取"},
    "clf_readout_last": {"en": "the last h_T", "zh": "最后的 h_T"},
    "clf_readout_mean": {"en": "the mean of h_1 … h_T", "zh": "h_1 … h_T 的平均"},
    "clf_readout_help": {
        "en": "The article's classifier reads the last output h_T. Reading the mean over time instead lets every "
        "step's h_t reach the loss directly, not only through the memory carried to the end; on long series try "
        "both. The step-through pages then read the mean of h_1 … h_t at step t.",
        "zh": "原文的分类器读取最后的输出 h_T。改为读取对时间的平均时，每一步的 h_t 都直接连到损失上，而不只是通过携带到最后的记忆；"
        "在长序列上可以两种都试试。选择平均时，逐步演示页面在第 t 步读取 h_1 … h_t 的平均。",
    },
    "clf_window": {"en": "The cell reads", "zh": "单元读取"},
    "clf_window_all": {"en": "every point ({T} steps)", "zh": "每个点（{T} 步）"},
    "clf_window_k": {"en": "the mean of every {k} points ({n} steps)", "zh": "每 {k} 个点的平均（{n} 步）"},
    "clf_window_help": {
        "en": "Why: going back over T steps, a plain RNN's gradient is multiplied by W_hh and a tanh slope at "
        "every step, so it usually vanishes (or explodes) long before it reaches the start; an LSTM's cell state "
        "C_t carries it further, but every step costs time. With the mean of every k points the gradient's path "
        "back is k times shorter and each epoch takes about 1/k of the time. Measured on GunPoint (150 points, "
        "200 epochs): a plain RNN learned nothing from every point (49 %, a coin toss) and 85 % from the means "
        "of 3; the LSTM reached 96 % from every point in over three minutes (on a busy machine), and 93–98 % "
        "from the means of 3 in about half a minute. By default a series longer than {short} points is read as "
        "at most {short} steps; “every point” turns this off.",
        "zh": "原因：沿着 T 步往回传时，普通 RNN 的梯度每一步都要乘以 W_hh 和 tanh 的斜率，往往远在传回开头之前就消失了"
        "（或爆炸）；LSTM 的单元状态 C_t 能把它传得更远，但每一步都要花时间。读取每 k 个点的平均后，梯度往回传的路径"
        "缩短为 1/k，每轮训练的用时也约为原来的 1/k。在 GunPoint（150 个点，训练 200 轮）上测得：普通 RNN 读每个点时"
        "什么也没学到（49%，和抛硬币一样），读每 3 个点的平均时达到 85%；LSTM 读每个点用了三分多钟（在繁忙的机器上）"
        "达到 96%，读每 3 个点的平均约半分钟达到 93%–98%。默认把长于 {short} 个点的序列读成至多 {short} 步；"
        "选择“每个点”即可取消这种缩短。",
    },
    "clf_window_now": {
        "en": "Now the cell reads {n} steps, each the mean of {k} neighbouring points of the {T} (the last step: "
        "of whatever is left). This is piecewise aggregate approximation: training, the test accuracy, the "
        "probabilities below and the Cell page all use this shorter series.",
        "zh": "现在单元读取 {n} 步，每步是 {T} 个点中相邻 {k} 个点的平均（最后一步是剩下的点的平均），即分段聚合近似"
        "（PAA）：训练、测试准确率、下面的概率图和单元页面都使用这条缩短后的序列。",
    },
    "clf_window_now_all": {
        "en": "Now the cell reads all {T} points, one per step.",
        "zh": "现在单元逐步读取全部 {T} 个点，每步一个。",
    },
    "clf_layers": {"en": "Layers", "zh": "层数"},
    "clf_hidden": {"en": "Hidden size", "zh": "隐藏单元数"},
    "clf_epochs": {"en": "Epochs", "zh": "训练轮数"},
    "clf_batch": {"en": "Mini-batch", "zh": "小批量大小"},
    "clf_lr": {"en": "Adam learning rate", "zh": "Adam 学习率"},
    "clf_clip": {"en": "Clip gradient norm at", "zh": "梯度范数裁剪阈值"},
    "clf_clip_off": {"en": "off", "zh": "关闭"},
    "clf_train_button": {"en": "▶ Train", "zh": "▶ 训练"},
    "clf_stop_button": {"en": "■ Stop (keep the best model so far)", "zh": "■ 停止（保留目前最好的模型）"},
    "clf_stop_help": {
        "en": "Stops after the current mini-batch; the model with the lowest training loss so far is kept.",
        "zh": "在当前小批量之后停止；保留目前训练损失最低的模型。",
    },
    "clf_progress": {
        "en": "Epoch {e} of {n} · loss {loss} · train {tr} % · test {te} %",
        "zh": "第 {e}/{n} 轮 · 损失 {loss} · 训练 {tr}% · 测试 {te}%",
    },
    "clf_diverged": {
        "en": "Training stopped: {msg} Lower the learning rate or turn clipping on; the last good model is kept.",
        "zh": "训练已停止：{msg} 请降低学习率或开启梯度裁剪；已保留最后一个正常的模型。",
    },
    "clf_not_trained": {
        "en": "No trained model yet: press ▶ Train.",
        "zh": "还没有训练好的模型：请点击 ▶ 训练。",
    },
    "clf_other_data": {
        "en": "The trained model belongs to other data or settings; train again for this data.",
        "zh": "已训练的模型属于其他数据或设置；请针对当前数据重新训练。",
    },
    "clf_model_acc": {"en": "{cell} test accuracy", "zh": "{cell} 测试准确率"},
    "clf_knn_acc": {"en": "1-NN (Euclidean) test accuracy", "zh": "1-最近邻（欧氏）测试准确率"},
    "clf_epochs_run": {"en": "Epochs trained", "zh": "已训练轮数"},
    "clf_loss": {"en": "training loss", "zh": "训练损失"},
    "clf_accuracy": {"en": "accuracy", "zh": "准确率"},
    "clf_train": {"en": "train", "zh": "训练集"},
    "clf_test": {"en": "test", "zh": "测试集"},
    "clf_epoch": {"en": "epoch", "zh": "轮次"},
    "clf_confusion": {"en": "Confusion matrix (test set)", "zh": "混淆矩阵（测试集）"},
    "clf_predicted": {"en": "predicted", "zh": "预测"},
    "clf_true": {"en": "true", "zh": "真实"},
    "clf_open_header": {"en": "When does it make up its mind?", "zh": "它什么时候下定决心？"},
    "clf_series": {"en": "Test series", "zh": "测试序列"},
    "clf_series_info": {
        "en": "True class: {true} · predicted: {pred}",
        "zh": "真实类别：{true} · 预测：{pred}",
    },
    "clf_probs_title": {
        "en": "Class probabilities if the series ended at step t (the head applied to h_t, or to the mean of h_1 … h_t)",
        "zh": "如果序列在第 t 步结束时的类别概率（输出层作用于 h_t，或 h_1 … h_t 的平均）",
    },
    "clf_probs_window": {
        "en": "This model reads the mean of every {k} points: {n} steps for the series' {T} points (thin grey line: "
        "every point; dots: the steps it reads). The Cell page steps through these {n} steps.",
        "zh": "这个模型读取每 {k} 个点的平均：序列的 {T} 个点变成 {n} 步（细灰线：每个点；圆点：它读取的各步）。"
        "单元页面逐步展示的就是这 {n} 步。",
    },
    "clf_every_point": {"en": "every point", "zh": "每个点"},
    "clf_open_button": {
        "en": "Open this model and series in the Cell page",
        "zh": "在单元页面中打开此模型和序列",
    },
    "link_header": {
        "en": "The link: a convolution filter and an LSTM cell, side by side",
        "zh": "两者的联系：卷积滤波器与 LSTM 单元并排看",
    },
    "link_intro": {
        "en": "The article's author came from CNNs and found this missing from articles on LSTMs: both share weights along time. "
        "An FCN filter is one set of weights (8 weights and a bias in the first block) slid along the series: at every "
        "position t the same weights, one output. An LSTM cell is one set of weights (W_ih, W_hh, b_ih, b_hh) "
        "applied at every step t: the same weights, one output h_t. Move t with the slider under the chart.",
        "zh": "原文作者熟悉 CNN，觉得讲 LSTM 的文章都忽略了这一点：两者都沿时间共享权重。FCN 的一个滤波器是一组权重"
        "（第一块里是 8 个权重和 1 个偏置），沿序列滑动：在每个位置 t 用同样的权重，得到一个输出。LSTM 单元是一组权重"
        "（W_ih、W_hh、b_ih、b_hh），在每一步 t 都用它：同样的权重，得到一个输出 h_t。用图下方的滑块移动 t。",
    },
    "link_filter": {"en": "FCN filter (first block)", "zh": "FCN 滤波器（第一块）"},
    "link_unit": {"en": "Hidden unit (layer 1)", "zh": "隐藏单元（第 1 层）"},
    "link_trained": {"en": "trained here", "zh": "在这里训练的"},
    "link_untrained": {
        "en": "untrained (train one to see what it learned)",
        "zh": "未训练（训练一个就能看到它学到了什么）",
    },
    "link_models": {
        "en": "FCN: {conv} · {cellname}: {cell} · the test series chosen above.",
        "zh": "FCN：{conv} · {cellname}：{cell} · 上面选定的测试序列。",
    },
    "link_window": {
        "en": "This {cellname} reads the mean of every {k} points: it takes one step per {k} points, so its "
        "C_t and h_t stay flat over each window of {k}, while the filter still slides point by point.",
        "zh": "这个 {cellname} 读取每 {k} 个点的平均：每 {k} 个点才走一步，所以它的 C_t 和 h_t 在每个 {k} 点窗口内保持不变，"
        "而滤波器仍然逐点滑动。",
    },
    "link_conv_panel": {
        "en": "FCN filter: the same {w} weights at every position, a window of fixed width",
        "zh": "FCN 滤波器：每个位置都用同样的 {w} 个权重，窗口宽度固定",
    },
    "link_conv_out": {"en": "filter output (before BN)", "zh": "滤波器输出（批归一化前）"},
    "link_cell_panel": {
        "en": "Recurrent cell: the same weights at every step; its state (C and h, or h alone) carried from x_1 to x_t",
        "zh": "循环单元：每一步都用同样的权重；它的状态（C 和 h，或只有 h）从 x_1 一直携带到 x_t",
    },
    "link_differs": {
        "en": "**What differs.** The filter sees a fixed window: 8 steps around t in the first block (t − 3 … t + 4), {field} steps after the three blocks (8 + 4 + 2: each later block adds its kernel width minus 1); what lies outside it cannot change its output, and only the final average over time brings the whole series together. The cell carries C and h forward: its output at step t can depend on anything from x_1 to x_t, so its reach has no fixed width; how far back it really reaches is learned, through the forget gate, which decides how long the memory C keeps what the input gate wrote. That is why the FCN's read-out per step above runs the network again on x_1 … x_t, while the LSTM's simply reads h_t (or the mean of h_1 … h_t).",
        "zh": "**不同之处。** 滤波器看到的是一个固定宽度的窗口：第一块里是 t 附近的 8 步（t − 3 … t + 4），三块叠加后是 {field} 步（8 + 4 + 2：后面每一块再加上它的卷积核宽度减 1）；窗口外的值改变不了它的输出，只有最后对时间取平均时才把整条序列合在一起。单元则把 C 和 h 向前携带：它在第 t 步的输出可以取决于从 x_1 到 x_t 的任何值，所以它的“视野”没有固定宽度；实际能回看多远是学出来的，靠遗忘门：它决定记忆 C 把输入门写入的内容保留多久。这也是为什么上面 FCN 的逐步读数要在 x_1 … x_t 上重新运行网络，而 LSTM 的只需读取 h_t（或 h_1 … h_t 的平均）。",
    },
    "readout_title": {
        "en": "The classifier's read-out: if the series ended at this step",
        "zh": "分类器的读数：如果序列在这一步结束",
    },
    "readout_said": {"en": "At t = {t} it would say: {name}", "zh": "在 t = {t} 时它会判为：{name}"},
    "readout_settled": {
        "en": "It settled at t = {s}: from there on it says {name}.",
        "zh": "它在 t = {s} 时定下来：从那以后一直判为 {name}。",
    },
    "readout_not_yet": {
        "en": "Not settled yet: its choice changes for the last time at t = {s}.",
        "zh": "还没定下来：它的判断最后一次改变是在 t = {s}。",
    },
    "clf_export": {"en": "Download the classifier (.npz)", "zh": "下载分类器（.npz）"},
    "clf_import_header": {"en": "Import a classifier", "zh": "导入分类器"},
    "clf_import": {
        "en": "A .npz exported here (PyTorch names plus head.weight, head.bias)",
        "zh": "在此导出的 .npz（PyTorch 命名加 head.weight、head.bias）",
    },
    "clf_imported": {
        "en": "Imported: {n} layer(s) of hidden size {h}.",
        "zh": "已导入：{n} 层，隐藏单元数 {h}。",
    },
    "clf_imported_fcn": {"en": "Imported: an FCN with {w} filters.", "zh": "已导入：滤波器数为 {w} 的 FCN。"},
    "clf_import_fcn_shape": {
        "en": "this FCN does not fit this task: it tells {k} classes apart (this task has {n}), or it reads another number of values per step.",
        "zh": "这个 FCN 与本任务不符：它区分 {k} 个类别（本任务有 {n} 个），或者它每步读入的数值个数不同。",
    },
    "clf_sidebar_note": {
        "en": "The sidebar sets the model of the step-through pages; training here uses the settings below, and "
        "“Open this model” hands the result over to those pages.",
        "zh": "侧边栏设置的是逐步演示页面的模型；这里的训练使用下方的设置，“打开此模型”会把结果交给那些页面。",
    },
}

STRINGS |= {
    # --- hardening: links, models, inputs (issue 10) ---
    "custom_shape": {
        "en": "{cell}: {layers} layer(s) of {sizes} hidden units, {d} input(s) per step.",
        "zh": "{cell}：{layers} 层，隐藏单元数 {sizes}，每步 {d} 个输入。",
    },
    "csv_kept": {
        "en": "Using {name}, uploaded earlier. Upload another file to replace it.",
        "zh": "正在使用之前上传的 {name}。上传另一个文件即可替换。",
    },
    "digits_label": {"en": "Decimals shown", "zh": "显示的小数位数"},
    "digits_help": {
        "en": "How many decimals every number shows: the reading, the diagram, the equations, the code, the tables, "
        "the bars and the charts' hovers (the reading's percentages keep as many significant places). "
        "Use 4 or more to check the numbers against your own code.",
        "zh": "每个数值显示的小数位数：解读、单元图、公式、代码、表格、柱形图和图表悬停提示（解读中的百分数保留同样多的有效位）。"
        "要与你自己的代码逐位核对，请用 4 位或更多。",
    },
    "url_clamped": {
        "en": "The link asked for {name}={value}, which this model or input does not have; it shows {name}={used}.",
        "zh": "链接中的 {name}={value} 超出了当前模型或输入的范围；显示的是 {name}={used}。",
    },
    "url_notice_unknown": {
        "en": "The link has a parameter “{name}” that Gate Lab does not know; it was ignored.",
        "zh": "链接中的参数“{name}”无法识别，已忽略。",
    },
    "url_notice_repeated": {
        "en": "The link gives {name} {n} times; Gate Lab used the last one.",
        "zh": "链接中的 {name} 出现了 {n} 次；Gate Lab 使用了最后一个。",
    },
    "model_too_big": {
        "en": "This model has {L} layer(s), up to {H} hidden units in a layer and {D} input(s) per step; Gate Lab shows "
        "up to {maxL} layers, {maxH} hidden units per layer and {maxD} inputs per step. The previous model is kept.",
        "zh": "该模型有 {L} 层，每层最多 {H} 个隐藏单元，每步 {D} 个输入；Gate Lab 最多显示 {maxL} 层、每层 {maxH} 个隐藏单元、"
        "每步 {maxD} 个输入。已保留之前的模型。",
    },
    "share_data_too_long": {
        "en": "The typed numbers are too long for a link (a link holds at most {n} KB): whoever opens it sees the default "
        "numbers. Save the numbers as a CSV file and send that.",
        "zh": "输入的数字太长，无法放进链接（链接最多 {n} KB）：打开链接的人会看到默认数字。请把数字存为 CSV 文件再发送。",
    },
    "badge_title": {"en": "Not the random model", "zh": "不是随机初始模型"},
    "badge_weights": {"en": "custom weights ({what})", "zh": "自定义权重（{what}）"},
    "badge_forced": {"en": "forced gates: {what}", "zh": "强制的门：{what}"},
    "badge_override": {
        "en": "{g} = {v} in layer {layer}, steps {a}–{b}, {units}",
        "zh": "第 {layer} 层 {g} = {v}，第 {a}–{b} 步，{units}",
    },
    "badge_clear": {"en": "Back to the random model", "zh": "恢复为随机初始模型"},  # = weights_reset
    "network_line_random": {
        "en": "Showing: a random {cell} (seed {seed}, weight scale {scale}), hidden units {sizes}.",
        "zh": "当前显示：随机 {cell}（随机种子 {seed}，权重缩放 {scale}），隐藏单元数 {sizes}。",
    },
    "network_line_custom": {
        "en": "Showing: the {cell} with custom weights ({what}), hidden units {sizes}.",
        "zh": "当前显示：使用自定义权重（{what}）的 {cell}，隐藏单元数 {sizes}。",
    },
    "why_network_note": {
        "en": "This page builds its own plain RNN, GRU, MGU and LSTM from the sidebar's sizes, seed, scale and input, and sets "
        "their recurrent weights to the ρ above. The GRU's update-gate bias b_z is set to the LSTM's forget-gate bias: "
        "z plays the forget gate's part (z ≈ 1 keeps h). The MGU's b_f is set to minus that bias, since its 1 − f plays that part. Custom weights and forced gates are not used here.",
        "zh": "本页用侧边栏的隐藏单元数、随机种子、缩放和输入自行构建一个普通 RNN、一个 GRU、一个 MGU 和一个 LSTM，并把它们的循环权重调整到上面的 ρ。"
        "GRU 的更新门偏置 b_z 取 LSTM 的遗忘门偏置：z 起着遗忘门的作用（z ≈ 1 时保留 h）。MGU 的 b_f 取该偏置的相反数，因为起这个作用的是它的 1 − f。这里不使用自定义权重和强制的门。",
    },
    "import_keras_one_bias": {
        "en": "Keras keeps one bias per gate; Gate Lab puts it in b_ih and sets b_hh = 0. The cell only uses the sum "
        "b_ih + b_hh, so every output is the same.",
        "zh": "Keras 每个门只有一个偏置；Gate Lab 把它放进 b_ih，并令 b_hh = 0。单元只使用两者之和 b_ih + b_hh，所以所有输出都不变。",
    },
    "clf_delta_points": {"en": "{d} points vs 1-NN DTW", "zh": "{d} 个百分点（对比 DTW 1-最近邻）"},
    "clf_dtw_acc": {"en": "1-NN (DTW) test accuracy", "zh": "1-最近邻（DTW）测试准确率"},
    "clf_dtw_help": {
        "en": "1-nearest-neighbour with dynamic time warping, full warping window: the UCR archive's standard "
        "baseline (its published table uses the same). DTW lets two series match even when one runs ahead of the other.",
        "zh": "基于动态时间规整（DTW，不限制规整窗口）的 1-最近邻：UCR 数据集的标准基线（其公布的结果表用的就是它）。"
        "即使一条序列比另一条提前或落后，DTW 也能把两者对齐比较。",
    },
    "clf_dtw_running": {"en": "Computing 1-NN with DTW …", "zh": "正在计算 DTW 1-最近邻……"},
    "clf_best_epoch": {
        "en": "The model kept is the one from epoch {e} of {n}: the epoch with the lowest training loss ({loss}).",
        "zh": "保留的是第 {e} 轮（共 {n} 轮）的模型：训练损失最低（{loss}）的那一轮。",
    },
    "clf_probs_help": {
        "en": "Each curve is the class probability the model would give if the series ended at step t: the classifier reads h_t of the top layer (or the mean of h_1 … h_t) at every step. Where the curves cross, the model changes its mind; the last step's values are its answer.",
        "zh": "每条曲线是：如果序列在第 t 步结束，模型会给出的类别概率（分类器在每一步读取最上层的 h_t，或 h_1 … h_t 的平均）。曲线交叉处是模型改变判断的地方；"
        "最后一步的值就是它的答案。",
    },
    "clf_ucr_kept": {
        "en": "Using {train} and {test}, uploaded earlier. Upload other files to replace them.",
        "zh": "正在使用之前上传的 {train} 和 {test}。上传其他文件即可替换。",
    },
    "chart_table": {"en": "The numbers behind this chart", "zh": "图表背后的数字"},
    "chart_table_switch": {"en": "Show the numbers as tables", "zh": "以表格显示数值"},
    "c_range": {"en": "C (scale ±{m})", "zh": "C（范围 ±{m}）"},
    "clf_ucr_too_big": {
        "en": "A UCR file may be up to {mb} MB; keep fewer series or shorter ones.",
        "zh": "UCR 文件最大 {mb} MB；请减少序列条数或缩短序列。",
    },
}

STRINGS |= {
    # --- errors from the engine and the file readers, by code (ui/shell/errors.py) ---
    "place_number": {"en": "Number {n}", "zh": "第 {n} 个数"},
    "place_cell": {"en": "Line {line}, column {col}", "zh": "第 {line} 行第 {col} 列"},
    "place_ucr": {"en": "{which}, line {line}, column {col}", "zh": "{which}第 {line} 行第 {col} 列"},
    "file_train": {"en": "the train file", "zh": "训练文件"},
    "file_test": {"en": "the test file", "zh": "测试文件"},
    "err_empty_value": {
        "en": "{where} is empty: two separators in a row. Remove one, or put a number between them.",
        "zh": "{where}是空的：连续出现了两个分隔符。删掉一个，或在中间填一个数。",
    },
    "err_head_window": {
        "en": "head.window should be one whole number of points per step, from 1 to 2000.",
        "zh": "head.window 应是每步读取的点数：1 到 2000 之间的一个整数。",
    },
    "err_not_a_number": {"en": "{where}: {token} is not a number.", "zh": "{where}：{token} 不是数字。"},
    "err_not_finite": {
        "en": "{where}: {token} is not a finite number; use ordinary numbers only.",
        "zh": "{where}：{token} 不是有限的数；请只用普通数字。",
    },
    "err_too_large": {
        "en": "{where}: {token} is too large; Gate Lab takes inputs between −1e6 and 1e6.",
        "zh": "{where}：{token} 太大；Gate Lab 只接受 −1e6 到 1e6 之间的输入。",
    },
    "err_no_numbers": {
        "en": "No numbers found: type or paste numbers such as 0, 0.5, 1, 0.5.",
        "zh": "没有找到数字：请输入或粘贴数字，例如 0, 0.5, 1, 0.5。",
    },
    "err_csv_empty": {
        "en": "The CSV file is empty: it needs at least one row of numbers.",
        "zh": "CSV 文件是空的：至少需要一行数字。",
    },
    "err_csv_no_rows": {
        "en": "The CSV file has a header but no rows of numbers under it.",
        "zh": "CSV 文件只有表头，下面没有数字行。",
    },
    "err_csv_too_wide": {
        "en": "The CSV file has {n} columns; Gate Lab takes at most {max} inputs per step (one column each). "
        "Keep the columns you want to feed the model.",
        "zh": "CSV 文件有 {n} 列；Gate Lab 每步最多接受 {max} 个输入（每列一个）。请只保留要输入模型的列。",
    },
    "err_csv_ragged": {
        "en": "Line {line} has {got} values; expected {want} — every row needs one value per column.",
        "zh": "第 {line} 行有 {got} 个值，应为 {want} 个——每一行每列都要有一个值。",
    },
    "err_ucr_empty": {
        "en": "{which} is empty: it needs one series per line, the class label first.",
        "zh": "{which}是空的：每行一条序列，类别标签放在最前面。",
    },
    "err_ucr_label": {
        "en": "{which}, line {line}: the label {label} is empty or too long (40 characters at most).",
        "zh": "{which}第 {line} 行：标签 {label} 为空或太长（最多 40 个字符）。",
    },
    "err_ucr_no_values": {
        "en": "{which}, line {line} has a label but no values.",
        "zh": "{which}第 {line} 行只有标签，没有数值。",
    },
    "err_ucr_too_long": {
        "en": "{which}, line {line} has {got} values; Gate Lab trains on series of up to {max}.",
        "zh": "{which}第 {line} 行有 {got} 个值；Gate Lab 训练的序列最长 {max} 个值。",
    },
    "err_ucr_ragged": {
        "en": "{which}, line {line} has {got} values; line {first} has {want}. Every series must have the same length.",
        "zh": "{which}第 {line} 行有 {got} 个值，第 {first} 行有 {want} 个。所有序列的长度必须相同。",
    },
    "err_ucr_one_class": {
        "en": "The train file has only one class ({label}); classification needs two or more.",
        "zh": "训练文件只有一个类别（{label}）；分类至少需要两个类别。",
    },
    "err_ucr_many_classes": {
        "en": "The train file has {n} classes; Gate Lab shows up to {max}.",
        "zh": "训练文件有 {n} 个类别；Gate Lab 最多显示 {max} 个。",
    },
    "err_ucr_lengths": {
        "en": "The test series have {test} values and the train series {train}; they must match.",
        "zh": "测试序列有 {test} 个值，训练序列有 {train} 个；两者必须相同。",
    },
    "err_ucr_unseen": {
        "en": "The test file has classes the train file never shows: {labels}.",
        "zh": "测试文件中有训练文件里没有的类别：{labels}。",
    },
    "err_file_too_big": {
        "en": "{name} is {kb} KB; Gate Lab reads weight files up to {mb} MB.",
        "zh": "{name} 大小为 {kb} KB；Gate Lab 读取的权重文件最大 {mb} MB。",
    },
    "err_file_kind": {
        "en": "{name}: Gate Lab reads .npz or .safetensors weight files.",
        "zh": "{name}：Gate Lab 只读取 .npz 或 .safetensors 权重文件。",
    },
    "err_not_npz": {
        "en": "{name} is not a valid .npz file: it is not a zip archive of arrays.",
        "zh": "{name} 不是有效的 .npz 文件：它不是由数组组成的 zip 压缩包。",
    },
    "err_not_safetensors": {
        "en": "{name} is not a valid .safetensors file.",
        "zh": "{name} 不是有效的 .safetensors 文件。",
    },
    "err_pickled": {
        "en": "{name} holds pickled Python objects in “{member}”. Gate Lab never unpickles files (it could run code); "
        "save plain arrays with numpy.savez.",
        "zh": "{name} 的“{member}”中包含 pickle 序列化的 Python 对象。Gate Lab 从不反序列化 pickle（那样可能执行代码）；"
        "请用 numpy.savez 保存普通数组。",
    },
    "err_member_not_array": {
        "en": "“{member}” in {name} is not a NumPy array.",
        "zh": "{name} 中的“{member}”不是 NumPy 数组。",
    },
    "err_not_numbers": {
        "en": "“{member}” in {name} does not hold numbers; weights must be numbers.",
        "zh": "{name} 中的“{member}”不是数字；权重必须是数字。",
    },
    "err_wrong_shape": {
        "en": "{matrix} has the wrong shape for every cell kind: for hidden size {H}, {shapes}.",
        "zh": "{matrix} 的形状不符合任何一种单元：隐藏单元数为 {H} 时应为 {shapes}。",
    },
    "err_one_shape_wrong": {
        "en": "{member} has shape {shape}; the rest of layer 1 is {cell} with hidden size {H}, whose {member} "
        "is {want}. The file looks damaged: nothing was imported.",
        "zh": "{member} 的形状是 {shape}；第 1 层的其余部分是隐藏单元数为 {H} 的 {cell}，它的 {member} 应为 {want}。"
        "文件似乎已损坏：没有导入任何内容。",
    },
    "err_names_shapes_disagree": {
        "en": "The file calls its layer “{prefix}” ({said}), but its shapes are those of {cell} with hidden size "
        "{H}. Gate Lab does not guess which is right: nothing was imported.",
        "zh": "文件把这一层命名为“{prefix}”（{said}），但各数组的形状属于隐藏单元数为 {H} 的 {cell}。"
        "Gate Lab 不做猜测：没有导入任何内容。",
    },
    "err_ambiguous_kind": {
        "en": "The shapes of layer 1 fit more than one cell kind: {could}. Name the layer after its kind "
        "(lstm., gru., …) so that Gate Lab knows which; nothing was imported.",
        "zh": "第 1 层的形状同时符合多种单元：{could}。请按单元类型给该层命名（lstm.、gru.……），"
        "以便 Gate Lab 判断；没有导入任何内容。",
    },
    "err_layer_incomplete": {
        "en": "Layer {layer} of {n} is incomplete; missing: {missing}. Nothing was imported.",
        "zh": "共 {n} 层，第 {layer} 层不完整；缺少：{missing}。没有导入任何内容。",
    },
    "err_weights_not_finite": {
        "en": "{member} holds NaN or infinity; every weight must be a finite number.",
        "zh": "{member} 含有 NaN 或无穷大；每个权重都必须是有限的数。",
    },
    "err_weights_too_large": {
        "en": "{member} holds {value}; Gate Lab takes weights up to ±1e6.",
        "zh": "{member} 含有 {value}；Gate Lab 只接受 ±1e6 以内的权重。",
    },
    "err_no_arrays": {"en": "The file holds no arrays.", "zh": "文件里没有数组。"},
    "err_bidirectional": {
        "en": "Bidirectional layers are not supported (found {member}).",
        "zh": "不支持双向层（发现了 {member}）。",
    },
    "err_no_recurrent": {
        "en": "No recurrent weights found. Expected PyTorch names (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, …) "
        "or Keras names (kernel, recurrent_kernel, bias); got {got}.",
        "zh": "没有找到循环层权重。应为 PyTorch 名称（weight_ih_l0、weight_hh_l0、bias_ih_l0、bias_hh_l0……）"
        "或 Keras 名称（kernel、recurrent_kernel、bias）；文件中是 {got}。",
    },
    "err_names_mismatch": {
        "en": "The weights for a {n}-layer {cell} do not match: missing: {missing}; unexpected: {extra}. (Bias-free layers "
        "and LSTM projections (proj_size) are not supported.)",
        "zh": "{n} 层 {cell} 的权重名称不匹配：缺少：{missing}；多出：{extra}。（不支持无偏置的层和 LSTM 投影 proj_size。）",
    },
    "err_not_an_array": {
        "en": "{name} must be an array of numbers; Gate Lab could not read it.",
        "zh": "{name} 必须是数字数组；Gate Lab 无法读取它。",
    },
    "err_array_shape": {
        "en": "{name} has shape {shape}, expected {want}.",
        "zh": "{name} 的形状是 {shape}，应为 {want}。",
    },
    "err_array_not_finite": {
        "en": "{name} holds {value} at index {index}; every value must be a finite number.",
        "zh": "{name} 在下标 {index} 处是 {value}；每个值都必须是有限的数。",
    },
    "err_hh_shape": {
        "en": "{name} has shape {shape}; a {cell} layer with hidden size H needs ({G}·H, H), e.g. {example}.",
        "zh": "{name} 的形状是 {shape}；隐藏单元数为 H 的 {cell} 层需要 ({G}·H, H)，例如 {example}。",
    },
    "err_ih_chain": {
        "en": "{name} has shape {shape}, expected {want}: layer {k} reads layer {below}'s h_t, so its input size "
        "must be {d}, that layer's hidden size (0-based layer numbers, as in the file).",
        "zh": "{name} 的形状是 {shape}，应为 {want}：第 {k} 层读入第 {below} 层的 h_t，所以它的输入维度必须是 {d}，"
        "即那一层的隐藏单元数（层号从 0 开始，与文件中一致）。",
    },
    "err_zero_input": {
        "en": "{name} has shape {shape}: its input size is 0.",
        "zh": "{name} 的形状是 {shape}：输入维度为 0。",
    },
    "err_keras_missing": {
        "en": "Keras layer {k} has no {missing}; it has {got}.",
        "zh": "Keras 第 {k} 层缺少 {missing}；它只有 {got}。",
    },
    "err_keras_rec_shape": {
        "en": "Keras layer {k}'s recurrent_kernel has shape {shape}; a Keras {cell} needs (H, {G}·H).",
        "zh": "Keras 第 {k} 层的 recurrent_kernel 形状是 {shape}；Keras {cell} 需要 (H, {G}·H)。",
    },
    "err_not_matrix": {
        "en": "{name} is missing or not a matrix.",
        "zh": "{name} 缺失或不是矩阵。",
    },
    "err_link_damaged": {
        "en": "The weights in this link are damaged (cut short or changed). Ask for the link again, or load the "
        "weights file in the Weights lab.",
        "zh": "这个链接中的权重已损坏（被截断或改动）。请重新获取链接，或在“权重实验室”载入权重文件。",
    },
    "err_cell_kind": {
        "en": "Cell kind is {cell}; Gate Lab knows {names}.",
        "zh": "单元类型是 {cell}；Gate Lab 支持 {names}。",
    },
    "err_keras_gru_reset_before": {
        "en": "Keras layer {k} is a GRU saved with reset_after=False (one bias row). Gate Lab reads GRUs with "
        "reset_after=True, Keras's default and PyTorch's GRU: rebuild the layer with reset_after=True and train it again.",
        "zh": "Keras 第 {k} 层是以 reset_after=False 保存的 GRU（只有一行偏置）。Gate Lab 读取 reset_after=True 的 GRU"
        "（Keras 的默认设置，与 PyTorch 的 GRU 相同）：请用 reset_after=True 重建该层并重新训练。",
    },
    "err_ov_no_gates": {
        "en": "A plain RNN has no gates to force: forced gates were cleared.",
        "zh": "普通 RNN 没有可以强制的门：已清除强制的门。",
    },
    "err_ov_gate": {
        "en": "This cell has no gate {gate} (its gates are {names}).",
        "zh": "这个单元没有门 {gate}（它的门是 {names}）。",
    },
    "err_ov_layer": {
        "en": "A forced gate was in layer {layer}, but this network has {layers} layer(s).",
        "zh": "有一个强制的门在第 {layer} 层，但这个网络只有 {layers} 层。",
    },
    "err_ov_value": {
        "en": "{gate} cannot be forced to {value}: it lies between {lo} and {hi}.",
        "zh": "{gate} 不能强制为 {value}：它的取值在 {lo} 到 {hi} 之间。",
    },
    "err_ov_steps": {
        "en": "A forced gate covered steps {start}–{stop}, but the input has {T} steps.",
        "zh": "有一个强制的门作用于第 {start}–{stop} 步，但输入只有 {T} 步。",
    },
    "err_ov_units": {
        "en": "A forced gate named hidden units that layer {layer} does not have (it has {H}).",
        "zh": "有一个强制的门指定的隐藏单元在第 {layer} 层中不存在（该层有 {H} 个）。",
    },
    # --- the GRU ---
    "cell_gru": {"en": "GRU", "zh": "GRU"},
    "cell_title_gru": {"en": "One hidden unit of a GRU cell", "zh": "GRU 单元中的一个隐藏单元"},
    "cell_intro_gru": {
        "en": "A GRU (gated recurrent unit) has no separate memory: its hidden state $h$ runs along the top and is "
        "its only state. The update gate $z$ decides how much of $h_{t-1}$ to keep as it is; the rest, $1 - z$, is "
        "filled with the candidate $n$. The reset gate $r$ decides how much of $h_{t-1}$ the candidate reads. "
        "Two gates instead of the LSTM's three, and PyTorch's nn.GRU equations exactly.",
        "zh": "GRU（门控循环单元）没有单独的记忆：它的隐藏状态 $h$ 沿顶部流动，是它唯一的状态。更新门 $z$ 决定原样保留"
        "多少 $h_{t-1}$；其余的 $1 - z$ 由候选值 $n$ 填充。重置门 $r$ 决定候选值读取多少 $h_{t-1}$。"
        "它只有两个门（LSTM 有三个），公式与 PyTorch 的 nn.GRU 完全一致。",
    },
    "gate_name_r": {"en": "r reset", "zh": "重置门 r"},
    "gate_name_z": {"en": "z update", "zh": "更新门 z"},
    "gate_name_n": {"en": "n candidate", "zh": "候选值 n"},
    "row_r": {"en": "r (reset gate)", "zh": "r（重置门）"},
    "row_z": {"en": "z (update gate)", "zh": "z（更新门）"},
    "row_n": {"en": "n (candidate)", "zh": "n（候选值）"},
    "gate_r": {"en": "reset", "zh": "重置门"},
    "gate_z": {"en": "update", "zh": "更新门"},
    "gate_n": {"en": "candidate", "zh": "候选值"},
    "gru_state_line": {
        "en": "hidden state h: the GRU's only state",
        "zh": "隐藏状态 h：GRU 唯一的状态",
    },
    "node_gru_r": {
        "en": "reset gate r = σ(…): how much of h_{t−1} the candidate reads",
        "zh": "重置门 r = σ(…)：候选值读取多少 h_{t−1}",
    },
    "node_gru_z": {
        "en": "update gate z = σ(…): how much of h_{t−1} is kept as it is",
        "zh": "更新门 z = σ(…)：原样保留多少 h_{t−1}",
    },
    "node_gru_n": {
        "en": "candidate n = tanh(W_in·x + b_in + r·(W_hn·h_{t−1} + b_hn)): what could be written",
        "zh": "候选值 n = tanh(W_in·x + b_in + r·(W_hn·h_{t−1} + b_hn))：可能写入的内容",
    },
    "node_gru_omz": {"en": "1 − z: the share the candidate fills", "zh": "1 − z：由候选值填充的份额"},
    "node_gru_kept": {"en": "z · h_{t−1}: the old state that is kept", "zh": "z · h_{t−1}：被保留的旧状态"},
    "node_gru_written": {"en": "(1 − z) · n: what is written", "zh": "(1 − z) · n：写入的内容"},
    "node_gru_h": {
        "en": "h_t = (1 − z)·n + z·h_{t−1}: the new hidden state, the output of this step",
        "zh": "h_t = (1 − z)·n + z·h_{t−1}：新的隐藏状态，即本步的输出",
    },
    "read_z": {
        "en": "The update gate keeps **{z} %** of the old state: hₜ₋₁ = {h_prev} becomes {kept}.",
        "zh": "更新门保留了旧状态的 **{z}%**：hₜ₋₁ = {h_prev} 变为 {kept}。",
    },
    "read_r": {
        "en": "The reset gate lets the candidate read **{r} %** of the old state's recurrent term; the candidate is n = {n}.",
        "zh": "重置门让候选值读取旧状态循环项的 **{r}%**；候选值 n = {n}。",
    },
    "read_n": {
        "en": "The candidate fills the other **{omz} %**: (1 − z)·n = {written}, so **hₜ = {h}**.",
        "zh": "候选值填充其余的 **{omz}%**：(1 − z)·n = {written}，所以隐藏状态 **hₜ = {h}**。",
    },
    "why_explain_gru": {
        "en": "**The GRU (upper chart, purple dotted)** {gru_span}. It has no separate memory: one step back along "
        "its direct path $h_{{t-1}} \\to h_t$ multiplies the gradient by $z_t$, the update gate (its other paths "
        "run through the weights and the squashing, as the RNN's do). Its update gates' geometric mean here is {zgeo}.",
        "zh": "**GRU**（第一张图，紫色点线）{gru_span}。它没有单独的记忆：沿直接路径 $h_{{t-1}} \\to h_t$ 每往回一步，"
        "梯度乘以更新门 $z_t$（其他路径像 RNN 一样经过权重和压缩）。这里更新门的几何平均为 {zgeo}。",
    },
    # --- the MGU (minimal gated unit, Zhou et al. 2016) ---
    "cell_mgu": {"en": "MGU", "zh": "MGU"},
    "cell_title_mgu": {"en": "One hidden unit of an MGU cell", "zh": "MGU 单元中的一个隐藏单元"},
    "cell_intro_mgu": {
        "en": "An MGU (minimal gated unit, Zhou et al. 2016) is a GRU with one gate. Its hidden state $h$ runs "
        "along the top and is its only state. The forget gate $f$ does both of the GRU's jobs: the candidate "
        "$n$ reads $f \\odot h_{t-1}$, and $h_t$ keeps $1 - f$ of $h_{t-1}$ and takes $f$ of $n$. "
        "PyTorch has no MGU module: Gate Lab's is checked against finite differences.",
        "zh": "MGU（最小门控单元，Zhou 等人 2016）是只有一个门的 GRU。它的隐藏状态 $h$ 沿顶部流动，是它唯一的状态。"
        "遗忘门 $f$ 同时承担 GRU 两个门的工作：候选值 $n$ 读取 $f \\odot h_{t-1}$，而 $h_t$ 保留 $h_{t-1}$ 的 "
        "$1 - f$，并取 $n$ 的 $f$。PyTorch 没有 MGU 模块：Gate Lab 的 MGU 用有限差分检验。",
    },
    "gate_f_mgu": {"en": "forget", "zh": "遗忘门"},
    "mgu_state_line": {"en": "hidden state h: the MGU's only state", "zh": "隐藏状态 h：MGU 唯一的状态"},
    "node_mgu_f": {
        "en": "forget gate f = σ(…): how much of h_{t−1} the candidate reads, and how much of the candidate is written",
        "zh": "遗忘门 f = σ(…)：候选值读取多少 h_{t−1}，以及写入多少候选值",
    },
    "node_mgu_n": {
        "en": "candidate n = tanh(W_in·x + W_hn·(f·h_{t−1}) + b_n): what could be written",
        "zh": "候选值 n = tanh(W_in·x + W_hn·(f·h_{t−1}) + b_n)：可能写入的内容",
    },
    "node_mgu_read": {"en": "f · h_{t−1}: what the candidate reads", "zh": "f · h_{t−1}：候选值读取的内容"},
    "node_mgu_omf": {"en": "1 − f: the share of h_{t−1} that is kept", "zh": "1 − f：保留的 h_{t−1} 份额"},
    "node_mgu_kept": {
        "en": "(1 − f) · h_{t−1}: the old state that is kept",
        "zh": "(1 − f) · h_{t−1}：被保留的旧状态",
    },
    "node_mgu_written": {"en": "f · n: what is written", "zh": "f · n：写入的内容"},
    "node_mgu_h": {
        "en": "h_t = (1 − f)·h_{t−1} + f·n: the new hidden state, the output of this step",
        "zh": "h_t = (1 − f)·h_{t−1} + f·n：新的隐藏状态，即本步的输出",
    },
    "read_mgu_f": {
        "en": "The forget gate keeps **{omf} %** of the old state: hₜ₋₁ = {h_prev} becomes {kept}; "
        "the candidate reads f·hₜ₋₁ = {read} and is n = {n}.",
        "zh": "遗忘门保留了旧状态的 **{omf}%**：hₜ₋₁ = {h_prev} 变为 {kept}；候选值读取 f·hₜ₋₁ = {read}，得到 n = {n}。",
    },
    "read_mgu_n": {
        "en": "The same gate writes **{f} %** of the candidate: f·n = {written}, so **hₜ = {h}**.",
        "zh": "同一个门写入候选值的 **{f}%**：f·n = {written}，所以隐藏状态 **hₜ = {h}**。",
    },
    "why_explain_mgu": {
        "en": "**The MGU (upper chart, brown dash-dot)** {mgu_span}. One gate does the GRU's two jobs: one step back "
        "along its direct path $h_{{t-1}} \\to h_t$ multiplies the gradient by $1 - f_t$, the share it keeps. "
        "Its $1 - f$ has a geometric mean of {keepgeo} here.",
        "zh": "**MGU**（第一张图，棕色点划线）{mgu_span}。一个门承担 GRU 两个门的工作：沿直接路径 $h_{{t-1}} \\to h_t$ "
        "每往回一步，梯度乘以它保留的份额 $1 - f_t$。这里 $1 - f$ 的几何平均为 {keepgeo}。",
    },
    # --- the browser-side stepper ---
    "step_controls_label": {"en": "Step controls", "zh": "单步控制"},
    "step_slider_short": {"en": "Timestep t", "zh": "时间步 t"},
    "equations_header_short": {"en": "This step's numbers in the equations", "zh": "本步代入公式的数值"},
    "equations_symbols": {"en": "The equations", "zh": "公式"},
    "share_copy": {"en": "Copy", "zh": "复制"},
    "share_copied": {"en": "Copied", "zh": "已复制"},
}

from ui.shell.strings_teach import TEACH  # noqa: E402  (the teaching part: questions, the lesson, presenter mode)

assert not STRINGS.keys() & TEACH.keys(), STRINGS.keys() & TEACH.keys()
STRINGS.update(TEACH)
