<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <source> or </source>
        <translation> hoặc </translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Tạo không gian làm việc mới…</translation>
    </message>
    <message>
        <source>Create an empty workspace file</source>
        <translation>Tạo một tệp không gian làm việc trống</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <source>Open another workspace file</source>
        <translation>Mở một tệp không gian làm việc khác</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <source>Import article files (.txt .md .html .json .jsonl .csv); you can also drop them on the window</source>
        <translation>Nhập các tệp bài báo (.txt .md .html .json .jsonl .csv); cũng có thể kéo thả chúng vào cửa sổ</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Nhập cả thư mụ&amp;c…</translation>
    </message>
    <message>
        <source>Import every article file in a folder</source>
        <translation>Nhập mọi tệp bài báo trong một thư mục</translation>
    </message>
    <message>
        <source>Import &amp;Guidelines (Markdown)…</source>
        <translation>Nhập &amp;hướng dẫn gán nhãn (Markdown)…</translation>
    </message>
    <message>
        <source>Replace this workspace&apos;s annotation guidelines with a Markdown file</source>
        <translation>Thay hướng dẫn gán nhãn của không gian làm việc này bằng một tệp Markdown</translation>
    </message>
    <message>
        <source>&amp;Export Facts (CSV)…</source>
        <translation>&amp;Xuất dữ kiện (CSV)…</translation>
    </message>
    <message>
        <source>Facts as CSV that opens right in Excel: curated ones by default, or any choice</source>
        <translation>Dữ kiện dạng CSV mở đúng trong Excel: mặc định là các dữ kiện đã duyệt, hoặc tùy chọn bất kỳ</translation>
    </message>
    <message>
        <source>Export to E&amp;xcel (XLSX)…</source>
        <translation>Xuất ra &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Facts and articles as an Excel workbook with typed cells</source>
        <translation>Dữ kiện và bài báo thành một sổ tính Excel, ô có kiểu dữ liệu</translation>
    </message>
    <message>
        <source>Export &amp;Articles Table (CSV)…</source>
        <translation>Xuất &amp;bảng bài báo (CSV)…</translation>
    </message>
    <message>
        <source>One row per article with its metadata and counts by status</source>
        <translation>Mỗi bài báo một dòng, kèm thông tin mô tả và số lượng theo trạng thái</translation>
    </message>
    <message>
        <source>Export Everything (&amp;JSONL)…</source>
        <translation>Xuất toàn bộ (&amp;JSONL)…</translation>
    </message>
    <message>
        <source>Every article and fact, every status: lossless, can be imported again</source>
        <translation>Mọi bài báo và dữ kiện, mọi trạng thái: không mất gì, có thể nhập lại</translation>
    </message>
    <message>
        <source>Restore &amp;Backup…</source>
        <translation>&amp;Khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Replace the workspace with one of its backups (made when it is opened after a change)</source>
        <translation>Thay không gian làm việc bằng một bản sao lưu của nó (được tạo khi mở lại sau khi có thay đổi)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>Close the window; every decision is already saved</source>
        <translation>Đóng cửa sổ; mọi quyết định đều đã được lưu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Show the last decision, then undo it (written to the review log)</source>
        <translation>Hiện quyết định gần nhất rồi hoàn tác nó (được ghi vào nhật ký duyệt)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Show the decision undone, then redo it</source>
        <translation>Hiện quyết định vừa hoàn tác rồi làm lại nó</translation>
    </message>
    <message>
        <source>&amp;Find in Articles</source>
        <translation>&amp;Tìm trong các bài báo</translation>
    </message>
    <message>
        <source>Search article titles and text (any case and diacritics); pressed while the article text has the keys, it finds in that article instead</source>
        <translation>Tìm trong tiêu đề và nội dung bài báo (không phân biệt hoa thường và dấu); khi đang ở trong nội dung bài báo thì tìm trong chính bài đó</translation>
    </message>
    <message>
        <source>Find in This &amp;Article</source>
        <translation>Tìm trong &amp;bài này</translation>
    </message>
    <message>
        <source>A find bar under the article: Enter or F3 the next match, Shift+Enter or Shift+F3 the previous, Esc back to the facts</source>
        <translation>Thanh tìm kiếm dưới bài báo: Enter hoặc F3 đến kết quả sau, Shift+Enter hoặc Shift+F3 kết quả trước, Esc quay về danh sách dữ kiện</translation>
    </message>
    <message>
        <source>Find &amp;Next in Article</source>
        <translation>Tìm tiế&amp;p trong bài</translation>
    </message>
    <message>
        <source>The next match of the find bar</source>
        <translation>Kết quả tiếp theo của thanh tìm kiếm</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious in Article</source>
        <translation>Tìm &amp;ngược lại trong bài</translation>
    </message>
    <message>
        <source>The previous match of the find bar</source>
        <translation>Kết quả trước đó của thanh tìm kiếm</translation>
    </message>
    <message>
        <source>Edit &amp;Guidelines…</source>
        <translation>Sửa hướng dẫn &amp;gán nhãn…</translation>
    </message>
    <message>
        <source>Write this workspace&apos;s annotation guidelines in Markdown, with a preview</source>
        <translation>Viết hướng dẫn gán nhãn của không gian làm việc này bằng Markdown, có xem trước</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Tùy &amp;chọn…</translation>
    </message>
    <message>
        <source>Your name, the bulk-accept threshold, backups kept, automatic learning; the theme, text size and kind colours; the keys</source>
        <translation>Tên của bạn, ngưỡng chấp nhận hàng loạt, số bản sao lưu giữ lại, tự động học; giao diện sáng tối, cỡ chữ và màu các loại; phím tắt</translation>
    </message>
    <message>
        <source>Next Fact</source>
        <translation>Dữ kiện sau</translation>
    </message>
    <message>
        <source>Select the next fact</source>
        <translation>Chọn dữ kiện tiếp theo</translation>
    </message>
    <message>
        <source>J or ↓</source>
        <translation>J hoặc ↓</translation>
    </message>
    <message>
        <source>Previous Fact</source>
        <translation>Dữ kiện trước</translation>
    </message>
    <message>
        <source>Select the previous fact</source>
        <translation>Chọn dữ kiện trước đó</translation>
    </message>
    <message>
        <source>K or ↑</source>
        <translation>K hoặc ↑</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Chấp nhận</translation>
    </message>
    <message>
        <source>Accept the selected fact and move to the next pending one</source>
        <translation>Chấp nhận dữ kiện đang chọn và chuyển sang dữ kiện chờ duyệt tiếp theo</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Từ chối</translation>
    </message>
    <message>
        <source>Reject the selected fact and move to the next pending one</source>
        <translation>Từ chối dữ kiện đang chọn và chuyển sang dữ kiện chờ duyệt tiếp theo</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>Edit the selected fact&apos;s value, fields or span</source>
        <translation>Sửa giá trị, các trường hoặc đoạn chữ của dữ kiện đang chọn</translation>
    </message>
    <message>
        <source>E or Enter</source>
        <translation>E hoặc Enter</translation>
    </message>
    <message>
        <source>Add Fact from &amp;Selection…</source>
        <translation>Thêm dữ kiện từ &amp;vùng chọn…</translation>
    </message>
    <message>
        <source>Add a fact from the text selected in the article; pick its kind with 1–8</source>
        <translation>Thêm một dữ kiện từ đoạn chữ đã chọn trong bài báo; chọn loại bằng phím 1–8</translation>
    </message>
    <message>
        <source>Select in the Article &amp;Text</source>
        <translation>Chọn trong &amp;nội dung bài</translation>
    </message>
    <message>
        <source>Put the cursor in the article at the selected fact: Shift+arrows select words, N adds them as a fact, Esc goes back to the facts</source>
        <translation>Đặt con trỏ vào bài báo tại dữ kiện đang chọn: Shift+mũi tên để chọn từ, N thêm chúng thành dữ kiện, Esc quay về danh sách dữ kiện</translation>
    </message>
    <message>
        <source>Span: End One Word Later</source>
        <translation>Đoạn chữ: kết thúc muộn hơn một từ</translation>
    </message>
    <message>
        <source>Extend the selected fact by the next word (saved as an edit; in the edit form, moves the form&apos;s span)</source>
        <translation>Nới dữ kiện đang chọn thêm một từ phía sau (lưu như một lần sửa; trong biểu mẫu sửa thì dời đoạn chữ của biểu mẫu)</translation>
    </message>
    <message>
        <source>Correct the &amp;Span</source>
        <translation>Chỉnh đ&amp;oạn chữ</translation>
    </message>
    <message>
        <source>Span: End One Word Earlier</source>
        <translation>Đoạn chữ: kết thúc sớm hơn một từ</translation>
    </message>
    <message>
        <source>Take the last word off the selected fact</source>
        <translation>Bỏ từ cuối khỏi dữ kiện đang chọn</translation>
    </message>
    <message>
        <source>Span: Start One Word Earlier</source>
        <translation>Đoạn chữ: bắt đầu sớm hơn một từ</translation>
    </message>
    <message>
        <source>Extend the selected fact by the word before it</source>
        <translation>Nới dữ kiện đang chọn thêm một từ phía trước</translation>
    </message>
    <message>
        <source>Span: Start One Word Later</source>
        <translation>Đoạn chữ: bắt đầu muộn hơn một từ</translation>
    </message>
    <message>
        <source>Take the first word off the selected fact</source>
        <translation>Bỏ từ đầu khỏi dữ kiện đang chọn</translation>
    </message>
    <message>
        <source>Next &amp;Pending Fact</source>
        <translation>Dữ kiện chờ &amp;duyệt tiếp theo</translation>
    </message>
    <message>
        <source>Jump to the next pending fact, across articles</source>
        <translation>Nhảy đến dữ kiện chờ duyệt tiếp theo, kể cả sang bài khác</translation>
    </message>
    <message>
        <source>&amp;Flag for Later</source>
        <translation>&amp;Gắn cờ để xem sau</translation>
    </message>
    <message>
        <source>Set the selected fact aside as flagged and move on; the status filter shows flagged facts</source>
        <translation>Gắn cờ dữ kiện đang chọn để xem sau rồi đi tiếp; bộ lọc trạng thái hiện được các dữ kiện đã gắn cờ</translation>
    </message>
    <message>
        <source>Accept All Above &amp;Threshold…</source>
        <translation>Chấp nhận tất cả từ ngưỡng t&amp;rở lên…</translation>
    </message>
    <message>
        <source>Accept every pending fact of this article at or above the confidence threshold, after saying how many (one undo step)</source>
        <translation>Chấp nhận mọi dữ kiện chờ duyệt của bài này có độ tin cậy từ ngưỡng trở lên, sau khi báo số lượng (một bước hoàn tác)</translation>
    </message>
    <message>
        <source>Ask Before Accepting All</source>
        <translation>Hỏi trước khi chấp nhận hàng loạt</translation>
    </message>
    <message>
        <source>Shift+A says how many facts it will accept and waits for Enter (the preference that “Do not ask again” turns off)</source>
        <translation>Shift+A báo sẽ chấp nhận bao nhiêu dữ kiện và chờ Enter (tùy chọn mà “Không hỏi lại” tắt đi)</translation>
    </message>
    <message>
        <source>Accept Every Identical Mention</source>
        <translation>Chấp nhận mọi lần nhắc giống hệt</translation>
    </message>
    <message>
        <source>Accept this fact and every pending fact of its kind with the same text, in the whole workspace (one undo step)</source>
        <translation>Chấp nhận dữ kiện này và mọi dữ kiện chờ duyệt cùng loại, cùng chữ, trong toàn bộ không gian làm việc (một bước hoàn tác)</translation>
    </message>
    <message>
        <source>Reject Every Identical Mention</source>
        <translation>Từ chối mọi lần nhắc giống hệt</translation>
    </message>
    <message>
        <source>Reject this fact and every pending fact of its kind with the same text, in the whole workspace (one undo step)</source>
        <translation>Từ chối dữ kiện này và mọi dữ kiện chờ duyệt cùng loại, cùng chữ, trong toàn bộ không gian làm việc (một bước hoàn tác)</translation>
    </message>
    <message>
        <source>Correct Title, Date, Source and &amp;Author…</source>
        <translation>Sửa tiêu đề, ngày, ng&amp;uồn và tác giả…</translation>
    </message>
    <message>
        <source>Make the article&apos;s title, published date, source and author editable: Enter saves a field (logged, undoable), Esc leaves</source>
        <translation>Cho phép sửa tiêu đề, ngày đăng, nguồn và tác giả của bài báo: Enter lưu một trường (có ghi nhật ký, hoàn tác được), Esc để thoát</translation>
    </message>
    <message>
        <source>E&amp;xtract Articles Not Yet Extracted</source>
        <translation>Trích &amp;xuất các bài chưa trích xuất</translation>
    </message>
    <message>
        <source>Run the built-in extractor on articles it has not read in this version; reviewed facts are never changed</source>
        <translation>Chạy bộ trích xuất có sẵn trên các bài mà phiên bản này chưa đọc; dữ kiện đã duyệt không bao giờ bị thay đổi</translation>
    </message>
    <message>
        <source>&amp;Learn from Decisions</source>
        <translation>Học từ các &amp;quyết định</translation>
    </message>
    <message>
        <source>Train the entity model on the articles whose facts are all decided, in the background, then read the articles still under review again with it</source>
        <translation>Huấn luyện mô hình thực thể trên các bài đã duyệt xong mọi dữ kiện (chạy nền), rồi dùng nó đọc lại các bài còn đang duyệt</translation>
    </message>
    <message>
        <source>Learn A&amp;utomatically…</source>
        <translation>Tự động học &amp;lại…</translation>
    </message>
    <message>
        <source>How many newly completed articles start a new learning (0: only on demand)</source>
        <translation>Sau bao nhiêu bài mới duyệt xong thì học lại (0: chỉ khi yêu cầu)</translation>
    </message>
    <message>
        <source>&amp;History of Decisions…</source>
        <translation>Lịc&amp;h sử quyết định…</translation>
    </message>
    <message>
        <source>See every decision, this session or earlier ones, and revert any of them</source>
        <translation>Xem mọi quyết định, trong phiên này hay các phiên trước, và hoàn nguyên bất kỳ quyết định nào</translation>
    </message>
    <message>
        <source>Ad&amp;judicate Disagreements…</source>
        <translation>&amp;Phân xử bất đồng…</translation>
    </message>
    <message>
        <source>Walk the facts two reviewers of a shared article decided differently, side by side, and settle each from the keyboard (1, 2: a side; R: reject; E: write it)</source>
        <translation>Duyệt lần lượt các dữ kiện mà hai người duyệt của một bài dùng chung quyết định khác nhau, đặt cạnh nhau, và phân xử từng cái bằng bàn phím (1, 2: chọn một bên; R: từ chối; E: tự viết)</translation>
    </message>
    <message>
        <source>&amp;Delete Article…</source>
        <translation>Xóa &amp;bài báo…</translation>
    </message>
    <message>
        <source>Take the open article and its facts out of the workspace (a bad import), after asking: Enter deletes, Esc keeps it; Ctrl+Z or History brings it back</source>
        <translation>Bỏ bài báo đang mở cùng các dữ kiện của nó khỏi không gian làm việc (khi nhập nhầm), sau khi hỏi: Enter để xóa, Esc để giữ; Ctrl+Z hoặc Lịch sử sẽ đưa nó trở lại</translation>
    </message>
    <message>
        <source>Next Article</source>
        <translation>Bài sau</translation>
    </message>
    <message>
        <source>Open the next article</source>
        <translation>Mở bài báo tiếp theo</translation>
    </message>
    <message>
        <source>Articles &amp;List</source>
        <translation>&amp;Danh sách bài báo</translation>
    </message>
    <message>
        <source>Move the keys to the article list: ↑ ↓ choose, Enter opens, Esc returns to the facts</source>
        <translation>Chuyển bàn phím sang danh sách bài báo: ↑ ↓ để chọn, Enter để mở, Esc quay về danh sách dữ kiện</translation>
    </message>
    <message>
        <source>&amp;Facts</source>
        <translation>Dữ &amp;kiện</translation>
    </message>
    <message>
        <source>Move the keys back to the facts</source>
        <translation>Chuyển bàn phím về danh sách dữ kiện</translation>
    </message>
    <message>
        <source>Previous Article</source>
        <translation>Bài trước</translation>
    </message>
    <message>
        <source>Open the previous article</source>
        <translation>Mở bài báo trước đó</translation>
    </message>
    <message>
        <source>Only Articles with Pending Facts</source>
        <translation>Chỉ các bài còn dữ kiện chờ duyệt</translation>
    </message>
    <message>
        <source>List only the articles that still have pending facts</source>
        <translation>Chỉ liệt kê các bài báo còn dữ kiện chờ duyệt</translation>
    </message>
    <message>
        <source>Only My &amp;Queue</source>
        <translation>Chỉ hàng đợi của tô&amp;i</translation>
    </message>
    <message>
        <source>List only the articles assigned to you (fact-review assign)</source>
        <translation>Chỉ liệt kê các bài được giao cho bạn (fact-review assign)</translation>
    </message>
    <message>
        <source>Next Status Filter</source>
        <translation>Bộ lọc trạng thái sau</translation>
    </message>
    <message>
        <source>Show only facts of one status: all, pending, accepted, edited, rejected, added, flagged</source>
        <translation>Chỉ hiện dữ kiện của một trạng thái: tất cả, chờ duyệt, đã chấp nhận, đã sửa, đã từ chối, đã thêm, đã gắn cờ</translation>
    </message>
    <message>
        <source>Previous Status Filter</source>
        <translation>Bộ lọc trạng thái trước</translation>
    </message>
    <message>
        <source>The status filter the other way round</source>
        <translation>Bộ lọc trạng thái theo chiều ngược lại</translation>
    </message>
    <message>
        <source>&amp;Every Kind</source>
        <translation>&amp;Mọi loại</translation>
    </message>
    <message>
        <source>Show facts of every kind; Alt+1 … Alt+8 show one kind, in the legend&apos;s order</source>
        <translation>Hiện dữ kiện của mọi loại; Alt+1 … Alt+8 chỉ hiện một loại, theo thứ tự trong chú giải</translation>
    </message>
    <message>
        <source>Alt+0 … Alt+8</source>
        <translation>Alt+0 … Alt+8</translation>
    </message>
    <message>
        <source>Facts of &amp;Kind</source>
        <translation>Dữ kiện theo &amp;loại</translation>
    </message>
    <message>
        <source>Only {kind}</source>
        <translation>Chỉ {kind}</translation>
    </message>
    <message>
        <source>Show only {kind} facts</source>
        <translation>Chỉ hiện dữ kiện loại {kind}</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>&amp;Thống kê…</translation>
    </message>
    <message>
        <source>Progress by kind, decisions per hour, and acceptance by kind and by extractor rule</source>
        <translation>Tiến độ theo loại, số quyết định mỗi giờ, tỷ lệ chấp nhận theo loại và theo quy tắc trích xuất</translation>
    </message>
    <message>
        <source>Agreement &amp;Between Reviewers…</source>
        <translation>Mức độ đồng thuận &amp;giữa người duyệt…</translation>
    </message>
    <message>
        <source>Span F1 and Cohen&apos;s kappa between each pair of reviewers on the articles they share, per kind and overall, with the counts</source>
        <translation>F1 theo đoạn chữ và hệ số kappa của Cohen giữa từng cặp người duyệt trên các bài dùng chung, theo từng loại và tổng thể, kèm số lượng</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>Chữ t&amp;o hơn</translation>
    </message>
    <message>
        <source>The article and the lists in larger text (kept for next time)</source>
        <translation>Bài báo và các danh sách với chữ to hơn (được giữ cho lần sau)</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>Chữ &amp;nhỏ hơn</translation>
    </message>
    <message>
        <source>The article and the lists in smaller text</source>
        <translation>Bài báo và các danh sách với chữ nhỏ hơn</translation>
    </message>
    <message>
        <source>&amp;Actual Text Size</source>
        <translation>&amp;Cỡ chữ mặc định</translation>
    </message>
    <message>
        <source>The article and the lists at 100%</source>
        <translation>Bài báo và các danh sách ở cỡ 100%</translation>
    </message>
    <message>
        <source>Hide &amp;Page Furniture</source>
        <translation>Ẩn &amp;phần phụ của trang</translation>
    </message>
    <message>
        <source>Hide the lines around the story (headline lists, related links, captions); the same key shows them dimmed again</source>
        <translation>Ẩn các dòng xung quanh bài viết (danh sách tít, liên kết liên quan, chú thích ảnh); nhấn lại phím đó để hiện chúng mờ đi</translation>
    </message>
    <message>
        <source>Annotation &amp;Guidelines</source>
        <translation>&amp;Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <source>Show or hide this workspace&apos;s annotation guidelines beside the facts</source>
        <translation>Hiện hoặc ẩn hướng dẫn gán nhãn của không gian làm việc này bên cạnh danh sách dữ kiện</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>Show every key</source>
        <translation>Hiện mọi phím tắt</translation>
    </message>
    <message>
        <source>F1 or ?</source>
        <translation>F1 hoặc ?</translation>
    </message>
    <message>
        <source>&amp;Tour of the Window</source>
        <translation>&amp;Giới thiệu cửa sổ</translation>
    </message>
    <message>
        <source>The three panes and the five keys that matter, step by step (Esc skips)</source>
        <translation>Ba khung và năm phím quan trọng nhất, từng bước một (Esc để bỏ qua)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Chỉnh sửa</translation>
    </message>
    <message>
        <source>Revie&amp;w</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>leaves a form, a pane or a dialog</source>
        <translation>dùng để rời biểu mẫu, khung hoặc hộp thoại</translation>
    </message>
    <message>
        <source>moves to the next field</source>
        <translation>chuyển sang trường tiếp theo</translation>
    </message>
    <message>
        <source>moves to the previous field</source>
        <translation>chuyển về trường trước đó</translation>
    </message>
    <message>
        <source>{key} {does}: no action can have it</source>
        <translation>{key} {does}: không thao tác nào được dùng phím này</translation>
    </message>
    <message>
        <source>{key} opens the {menu} menu</source>
        <translation>{key} mở trình đơn {menu}</translation>
    </message>
    <message>
        <source>{key} is already the key of “{action}” ({menu})</source>
        <translation>{key} đã là phím của “{action}” ({menu})</translation>
    </message>
    <message>
        <source>Typing Vietnamese (Telex, VNI; Unikey, EVKey, ibus-bamboo) can stay on: outside text fields the window takes keys from the input method as the keys pressed, so A still accepts when it arrives as “â” and S steps the filter when it arrives as “á”. If an input method still swallows a key, switch it to English (E) mode while reviewing, or list Fact Review among its excluded programs.</source>
        <translation>Có thể để nguyên bộ gõ tiếng Việt (Telex, VNI; Unikey, EVKey, ibus-bamboo): ngoài các ô nhập chữ, cửa sổ hiểu chữ mà bộ gõ gửi đến là phím bạn vừa nhấn, nên A vẫn chấp nhận khi nó đến thành “â”, và S vẫn đổi bộ lọc khi nó đến thành “á”. Nếu bộ gõ vẫn nuốt mất phím, hãy chuyển bộ gõ sang chế độ tiếng Anh (E) trong lúc duyệt, hoặc thêm Fact Review vào danh sách chương trình loại trừ của bộ gõ.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Bàn phím</translation>
    </message>
    <message>
        <source>Single keys act whenever the cursor is not in a text field.</source>
        <translation>Các phím đơn có tác dụng mỗi khi con trỏ không nằm trong ô nhập chữ.</translation>
    </message>
    <message>
        <source>Fact Review</source>
        <translation>Fact Review</translation>
    </message>
    <message>
        <source>Your name, recorded on every decision:</source>
        <translation>Tên của bạn, được ghi vào mọi quyết định:</translation>
    </message>
    <message>
        <source>There is no workspace at {path}.

Create a new, empty one there?</source>
        <translation>Không có không gian làm việc nào tại {path}.

Tạo một không gian làm việc mới, trống ở đó?</translation>
    </message>
    <message>
        <source>There is no backup of it.</source>
        <translation>Không có bản sao lưu nào của nó.</translation>
    </message>
    <message>
        <source>Restore the latest backup ({backup})? The damaged file is kept beside it.</source>
        <translation>Khôi phục bản sao lưu mới nhất ({backup})? Tệp bị hỏng được giữ lại bên cạnh.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tối</translation>
    </message>
    <message>
        <source>{done} of {total} facts reviewed</source>
        <translation>Đã duyệt {done} trên {total} dữ kiện</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Article title</source>
        <translation>Tiêu đề bài báo</translation>
    </message>
    <message>
        <source>{field} (M or Review ▸ Correct Title, Date, Source and Author)</source>
        <translation>{field} (M hoặc Duyệt ▸ Sửa tiêu đề, ngày, nguồn và tác giả)</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Nội dung bài báo</translation>
    </message>
    <message>
        <source>Fact kinds; in the add form, 1–8 pick the kind</source>
        <translation>Các loại dữ kiện; trong biểu mẫu thêm, phím 1–8 để chọn loại</translation>
    </message>
    <message>
        <source>Date not saved: {reason}</source>
        <translation>Chưa lưu ngày: {reason}</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Bài báo</translation>
    </message>
    <message>
        <source>Find in titles and text (Ctrl+F)</source>
        <translation>Tìm trong tiêu đề và nội dung (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in articles</source>
        <translation>Tìm trong các bài báo</translation>
    </message>
    <message>
        <source>Only with pending facts</source>
        <translation>Chỉ bài còn dữ kiện chờ duyệt</translation>
    </message>
    <message>
        <source>Article list</source>
        <translation>Danh sách bài báo</translation>
    </message>
    <message>
        <source>{n} article</source>
        <translation>{n} bài báo</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} bài báo</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} byte</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <source>{articles} articles, {facts} facts, {decisions} decisions</source>
        <translation>{articles} bài báo, {facts} dữ kiện, {decisions} quyết định</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục một bản sao lưu</translation>
    </message>
    <message>
        <source>The workspace is replaced by the chosen backup; the workspace as it is now is kept beside it (…-before-restore-….sqlite).</source>
        <translation>Không gian làm việc sẽ được thay bằng bản sao lưu đã chọn; không gian làm việc hiện tại được giữ lại bên cạnh (…-before-restore-….sqlite).</translation>
    </message>
    <message>
        <source>No backups yet: one is made when a workspace that changed is opened.</source>
        <translation>Chưa có bản sao lưu nào: bản sao lưu được tạo khi mở một không gian làm việc đã có thay đổi.</translation>
    </message>
    <message>
        <source>{n} backup, compressed, uses {size} in {folder}</source>
        <translation>{n} bản sao lưu, đã nén, chiếm {size} trong {folder}</translation>
    </message>
    <message>
        <source>{n} backups, compressed, use {size} in {folder}</source>
        <translation>{n} bản sao lưu, đã nén, chiếm {size} trong {folder}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>Cỡ chữ {percent}%</translation>
    </message>
    <message>
        <source>Page furniture hidden</source>
        <translation>Đã ẩn phần phụ của trang</translation>
    </message>
    <message>
        <source>Page furniture shown, dimmed</source>
        <translation>Đang hiện phần phụ của trang, làm mờ</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Import: some files were not imported</source>
        <translation>Nhập: một số tệp không nhập được</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Nothing of a failed file was stored; the other files were imported.</source>
        <translation>Không lưu gì từ các tệp bị lỗi; các tệp còn lại đã được nhập.</translation>
    </message>
    <message>
        <source>Facts as CSV (opens in Excel)</source>
        <translation>Dữ kiện dạng CSV (mở được bằng Excel)</translation>
    </message>
    <message>
        <source>Facts and articles as Excel (XLSX)</source>
        <translation>Dữ kiện và bài báo dạng Excel (XLSX)</translation>
    </message>
    <message>
        <source>Articles as CSV (metadata and counts)</source>
        <translation>Bài báo dạng CSV (thông tin mô tả và số lượng)</translation>
    </message>
    <message>
        <source>Everything as JSONL (lossless)</source>
        <translation>Toàn bộ dạng JSONL (không mất dữ liệu)</translation>
    </message>
    <message>
        <source>Reviewed articles as CoNLL (names tagged BIO, for training a model)</source>
        <translation>Các bài đã duyệt dạng CoNLL (tên được gắn nhãn BIO, để huấn luyện mô hình)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>bất kỳ ai</translation>
    </message>
    <message>
        <source>reviewed between</source>
        <translation>duyệt trong khoảng từ</translation>
    </message>
    <message>
        <source>UTF-8 with a BOM, so Excel shows Vietnamese right</source>
        <translation>UTF-8 có BOM, để Excel hiển thị đúng tiếng Việt</translation>
    </message>
    <message>
        <source>Make cells starting with = + - @ inert (a leading apostrophe)</source>
        <translation>Vô hiệu hóa các ô bắt đầu bằng = + - @ (thêm dấu nháy đơn ở đầu)</translation>
    </message>
    <message>
        <source>and</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày tháng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>3 tỷ or 3.000.000.000</source>
        <translation>3 tỷ hoặc 3.000.000.000</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Đoạn chữ</translation>
    </message>
    <message>
        <source>Shift+←/→ move its end by a word, Ctrl+Shift+←/→ its start; or select other text in the article</source>
        <translation>Shift+←/→ dời điểm cuối đi một từ, Ctrl+Shift+←/→ dời điểm đầu; hoặc chọn đoạn chữ khác trong bài báo</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Edit fact</source>
        <translation>Sửa dữ kiện</translation>
    </message>
    <message>
        <source>Add fact — pick the kind with 1–8</source>
        <translation>Thêm dữ kiện — chọn loại bằng phím 1–8</translation>
    </message>
    <message>
        <source>{field} as saved</source>
        <translation>{field} khi lưu</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Đoạn chữ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>ĐTC</translation>
    </message>
    <message>
        <source>{status} by {reviewer}</source>
        <translation>{status} bởi {reviewer}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Ghi chú: {note}</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Dữ kiện</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Lọc theo loại</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Lọc theo trạng thái</translation>
    </message>
    <message>
        <source>{done} of {total} reviewed</source>
        <translation>đã duyệt {done}/{total}</translation>
    </message>
    <message>
        <source>{n} file imported ({articles} articles)</source>
        <translation>{n} tệp đã nhập ({articles} bài báo)</translation>
    </message>
    <message>
        <source>{n} files imported ({articles} articles)</source>
        <translation>{n} tệp đã nhập ({articles} bài báo)</translation>
    </message>
    <message>
        <source>{n} duplicate</source>
        <translation>{n} tệp trùng</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <translation>{n} tệp trùng</translation>
    </message>
    <message>
        <source>({n} articles already in the workspace)</source>
        <translation>({n} bài báo đã có trong không gian làm việc)</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} tệp lỗi</translation>
    </message>
    <message>
        <source>{n} skipped (not an article format)</source>
        <translation>{n} tệp bỏ qua (không phải định dạng bài báo)</translation>
    </message>
    <message>
        <source>{n} facts updated or added from facts CSV</source>
        <translation>{n} dữ kiện được cập nhật hoặc thêm từ tệp CSV dữ kiện</translation>
    </message>
    <message>
        <source>Backup made: {name}</source>
        <translation>Đã tạo bản sao lưu: {name}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup failed: {reason}</source>
        <translation>Sao lưu không thành công: {reason}</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>A workspace on a PostgreSQL server is backed up and restored with the server&apos;s own tools (pg_dump and pg_restore), not from here.</source>
        <translation>Không gian làm việc trên máy chủ PostgreSQL được sao lưu và khôi phục bằng công cụ của chính máy chủ (pg_dump và pg_restore), không phải từ đây.</translation>
    </message>
    <message>
        <source>Backup restored; the previous workspace is kept as {name}</source>
        <translation>Đã khôi phục bản sao lưu; không gian làm việc trước đó được giữ lại với tên {name}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Đã khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Không gian làm việc mới</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Không gian làm việc</translation>
    </message>
    <message>
        <source>{path} exists already; use {menu}.</source>
        <translation>{path} đã tồn tại; hãy dùng {menu}.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Mọi tệp</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Nhập bài báo</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>Nhập một thư mục bài báo</translation>
    </message>
    <message>
        <source>Importing articles…</source>
        <translation>Đang nhập bài báo…</translation>
    </message>
    <message>
        <source>Exported {n} article to {name}</source>
        <translation>Đã xuất {n} bài báo ra {name}</translation>
    </message>
    <message>
        <source>Exported {n} articles to {name}</source>
        <translation>Đã xuất {n} bài báo ra {name}</translation>
    </message>
    <message>
        <source>Exported {n} fact to {name}</source>
        <translation>Đã xuất {n} dữ kiện ra {name}</translation>
    </message>
    <message>
        <source>Exported {n} facts to {name}</source>
        <translation>Đã xuất {n} dữ kiện ra {name}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Find in this article</source>
        <translation>Tìm trong bài này</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current}/{total}</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <source>Match diacritics</source>
        <translation>Phân biệt dấu</translation>
    </message>
    <message>
        <source>Off: ha noi finds Hà Nội. On: only the very diacritics typed</source>
        <translation>Tắt: gõ ha noi sẽ tìm thấy Hà Nội. Bật: chỉ tìm đúng dấu đã gõ</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Kết quả trước (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Kết quả sau (Enter, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>*This workspace has no guidelines yet.*

Edit ▸ Edit Guidelines… writes them; File ▸ Import Guidelines… reads a Markdown file.</source>
        <translation>*Không gian làm việc này chưa có hướng dẫn gán nhãn.*

Chỉnh sửa ▸ Sửa hướng dẫn gán nhãn… để viết; Tệp ▸ Nhập hướng dẫn gán nhãn… để đọc từ một tệp Markdown.</translation>
    </message>
    <message>
        <source>[image: {name}]</source>
        <translation>[hình ảnh: {name}]</translation>
    </message>
    <message>
        <source>Annotation guidelines</source>
        <translation>Hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <source>Annotation Guidelines — Fact Review</source>
        <translation>Hướng dẫn gán nhãn — Fact Review</translation>
    </message>
    <message>
        <source>Guidelines in Markdown</source>
        <translation>Hướng dẫn viết bằng Markdown</translation>
    </message>
    <message>
        <source># Guidelines

## Money
Annotate the amount with its currency word…</source>
        <translation># Hướng dẫn

## Tiền
Gán nhãn số tiền cùng với từ chỉ đơn vị tiền tệ…</translation>
    </message>
    <message>
        <source>Markdown: # headings, **bold**, *italic*, - lists, | tables |. Ctrl+S saves, Esc cancels.</source>
        <translation>Markdown: # đề mục, **đậm**, *nghiêng*, - danh sách, | bảng |. Ctrl+S để lưu, Esc để hủy.</translation>
    </message>
    <message>
        <source>Drop the changes to the guidelines?</source>
        <translation>Bỏ các thay đổi đối với hướng dẫn?</translation>
    </message>
    <message>
        <source>{name} is over {mb} MB: not a guide</source>
        <translation>{name} lớn hơn {mb} MB: không phải một bản hướng dẫn</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>Không đọc được {name}: {reason}</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>The guidelines were not saved: {reason}</source>
        <translation>Chưa lưu được hướng dẫn: {reason}</translation>
    </message>
    <message>
        <source>Guidelines saved in the workspace</source>
        <translation>Đã lưu hướng dẫn vào không gian làm việc</translation>
    </message>
    <message>
        <source>Import guidelines</source>
        <translation>Nhập hướng dẫn gán nhãn</translation>
    </message>
    <message>
        <source>Guidelines imported from {name}</source>
        <translation>Đã nhập hướng dẫn từ {name}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>chấp nhận</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>gắn cờ</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>sửa</translation>
    </message>
    <message>
        <source>add</source>
        <translation>thêm</translation>
    </message>
    <message>
        <source>revert</source>
        <translation>hoàn nguyên</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>hoàn tác</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>làm lại</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>xóa</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>khôi phục</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>sửa thông tin bài</translation>
    </message>
    <message>
        <source>extract</source>
        <translation>trích xuất</translation>
    </message>
    <message>
        <source>propose</source>
        <translation>đề xuất</translation>
    </message>
    <message>
        <source>import</source>
        <translation>nhập</translation>
    </message>
    <message>
        <source>undo of an add</source>
        <translation>hoàn tác một lần thêm</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>đã khôi phục</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>source</source>
        <translation>nguồn</translation>
    </message>
    <message>
        <source>author</source>
        <translation>tác giả</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>bài báo {id}</translation>
    </message>
    <message>
        <source>article ‘{title}’</source>
        <translation>bài báo ‘{title}’</translation>
    </message>
    <message>
        <source>article {field}</source>
        <translation>{field} bài báo</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Lịch sử duyệt</translation>
    </message>
    <message>
        <source>Only the selected fact</source>
        <translation>Chỉ dữ kiện đang chọn</translation>
    </message>
    <message>
        <source>Revert to before this decision</source>
        <translation>Hoàn nguyên về trước quyết định này</translation>
    </message>
    <message>
        <source>the {fields} of article {id}</source>
        <translation>{fields} của bài báo {id}</translation>
    </message>
    <message>
        <source>{action} of {what}</source>
        <translation>{action} {what}</translation>
    </message>
    <message>
        <source>Not reverted: see the message in the window.</source>
        <translation>Chưa hoàn nguyên: xem thông báo trong cửa sổ chính.</translation>
    </message>
    <message>
        <source>Reverted and saved: decision {id} ({action}) undone. Ctrl+Z in the window undoes the revert.</source>
        <translation>Đã hoàn nguyên và lưu: quyết định {id} ({action}) đã được gỡ bỏ. Nhấn Ctrl+Z trong cửa sổ chính để hoàn tác việc hoàn nguyên.</translation>
    </message>
    <message>
        <source>Choose an action and press Enter to give it another key.</source>
        <translation>Chọn một thao tác rồi nhấn Enter để gán phím khác cho nó.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Trình đơn</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Actions and their keys</source>
        <translation>Các thao tác và phím của chúng</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Phím mới</translation>
    </message>
    <message>
        <source>&amp;Change Key…</source>
        <translation>&amp;Đổi phím…</translation>
    </message>
    <message>
        <source>A&amp;dd a Key…</source>
        <translation>&amp;Thêm phím…</translation>
    </message>
    <message>
        <source>Its De&amp;fault</source>
        <translation>&amp;Mặc định của nó</translation>
    </message>
    <message>
        <source>&amp;Every Default</source>
        <translation>Mặc định &amp;tất cả</translation>
    </message>
    <message>
        <source>Press the other key for “{action}” (Esc keeps its keys)</source>
        <translation>Nhấn phím thêm cho “{action}” (Esc để giữ nguyên)</translation>
    </message>
    <message>
        <source>Press the new key for “{action}” (Esc keeps its keys)</source>
        <translation>Nhấn phím mới cho “{action}” (Esc để giữ nguyên)</translation>
    </message>
    <message>
        <source>Not changed: {reason}.</source>
        <translation>Không đổi: {reason}.</translation>
    </message>
    <message>
        <source>Learn automatically</source>
        <translation>Tự động học</translation>
    </message>
    <message>
        <source>Learn again after this many newly completed articles (0: only on demand):</source>
        <translation>Học lại sau khi duyệt xong thêm số bài này (0: chỉ khi yêu cầu):</translation>
    </message>
    <message>
        <source>Learning on demand only</source>
        <translation>Chỉ học khi được yêu cầu</translation>
    </message>
    <message>
        <source>Learning again after every {n} newly completed articles</source>
        <translation>Sẽ học lại sau mỗi {n} bài mới duyệt xong</translation>
    </message>
    <message>
        <source>Already learning from the decisions…</source>
        <translation>Đang học từ các quyết định rồi…</translation>
    </message>
    <message>
        <source>Nothing learned yet: {reason}</source>
        <translation>Chưa học được gì: {reason}</translation>
    </message>
    <message>
        <source>Model {version} learned from {articles} articles: {new} new facts proposed in {grew} articles</source>
        <translation>Mô hình {version} đã học từ {articles} bài báo: đề xuất {new} dữ kiện mới trong {grew} bài</translation>
    </message>
    <message>
        <source>Learning from the decisions…</source>
        <translation>Đang học từ các quyết định…</translation>
    </message>
    <message>
        <source>{n} decision by another reviewer shown</source>
        <translation>Đã hiện {n} quyết định của người duyệt khác</translation>
    </message>
    <message>
        <source>{n} decisions by other reviewers shown</source>
        <translation>Đã hiện {n} quyết định của những người duyệt khác</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>{name} — Fact Review</source>
        <translation>{name} — Fact Review</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>Người duyệt: {name}</translation>
    </message>
    <message>
        <source>All decisions saved</source>
        <translation>Mọi quyết định đã được lưu</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Không có gì để hoàn tác</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Không có gì để làm lại</translation>
    </message>
    <message>
        <source>Undid: {what}</source>
        <translation>Đã hoàn tác: {what}</translation>
    </message>
    <message>
        <source>Redid: {what}</source>
        <translation>Đã làm lại: {what}</translation>
    </message>
    <message>
        <source>The window closes.</source>
        <translation>Cửa sổ sẽ đóng lại.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>No article with pending facts matches “{search}”.</source>
        <translation>Không có bài nào còn dữ kiện chờ duyệt khớp với “{search}”.</translation>
    </message>
    <message>
        <source>No article matches “{search}”.</source>
        <translation>Không có bài nào khớp với “{search}”.</translation>
    </message>
    <message>
        <source>Press {key} to change the search.</source>
        <translation>Nhấn {key} để đổi từ khóa tìm kiếm.</translation>
    </message>
    <message>
        <source>Every article is reviewed: no pending fact left.</source>
        <translation>Mọi bài báo đã được duyệt: không còn dữ kiện nào chờ duyệt.</translation>
    </message>
    <message>
        <source>No articles yet.</source>
        <translation>Chưa có bài báo nào.</translation>
    </message>
    <message>
        <source>Import files with {files}, a folder with {folder}, or drop them here.</source>
        <translation>Nhập tệp bằng {files}, cả thư mục bằng {folder}, hoặc kéo thả chúng vào đây.</translation>
    </message>
    <message>
        <source>No fact selected: press {key} to pick one</source>
        <translation>Chưa chọn dữ kiện nào: nhấn {key} để chọn</translation>
    </message>
    <message>
        <source>No pending fact at or above {threshold} in this article</source>
        <translation>Bài này không có dữ kiện chờ duyệt nào có độ tin cậy từ {threshold} trở lên</translation>
    </message>
    <message>
        <source>Accept {n} pending fact at or above {threshold} in ‘{title}’?</source>
        <translation>Chấp nhận {n} dữ kiện chờ duyệt có độ tin cậy từ {threshold} trở lên trong ‘{title}’?</translation>
    </message>
    <message>
        <source>Accept {n} pending facts at or above {threshold} in ‘{title}’?</source>
        <translation>Chấp nhận {n} dữ kiện chờ duyệt có độ tin cậy từ {threshold} trở lên trong ‘{title}’?</translation>
    </message>
    <message>
        <source>Nothing accepted</source>
        <translation>Chưa chấp nhận gì</translation>
    </message>
    <message>
        <source>in ‘{title}’</source>
        <translation>trong ‘{title}’</translation>
    </message>
    <message>
        <source>No pending mention of “{text}” left</source>
        <translation>Không còn lần nhắc “{text}” nào chờ duyệt</translation>
    </message>
    <message>
        <source>— every “{text}” ({kind})</source>
        <translation>— mọi “{text}” ({kind})</translation>
    </message>
    <message>
        <source>{n} mention of “{text}” accepted and saved</source>
        <translation>Đã chấp nhận và lưu {n} lần nhắc “{text}”</translation>
    </message>
    <message>
        <source>{n} mentions of “{text}” accepted and saved</source>
        <translation>Đã chấp nhận và lưu {n} lần nhắc “{text}”</translation>
    </message>
    <message>
        <source>{n} mention of “{text}” rejected and saved</source>
        <translation>Đã từ chối và lưu {n} lần nhắc “{text}”</translation>
    </message>
    <message>
        <source>{n} mentions of “{text}” rejected and saved</source>
        <translation>Đã từ chối và lưu {n} lần nhắc “{text}”</translation>
    </message>
    <message>
        <source>Do not ask again</source>
        <translation>Không hỏi lại</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>Chưa mở bài báo nào</translation>
    </message>
    <message>
        <source>Save the edit (Enter) or cancel it (Esc) first</source>
        <translation>Hãy lưu (Enter) hoặc hủy (Esc) phần đang sửa trước</translation>
    </message>
    <message>
        <source>{n} fact</source>
        <translation>{n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} facts</source>
        <translation>{n} dữ kiện</translation>
    </message>
    <message>
        <source>Delete the article ‘{title}’ and its {facts} ({reviewed} reviewed) from the workspace?

It leaves the list, the search, the statistics and the exports. Ctrl+Z brings it back, and so does History ▸ Revert later.</source>
        <translation>Xóa bài báo ‘{title}’ cùng {facts} của nó ({reviewed} đã duyệt) khỏi không gian làm việc?

Bài sẽ biến mất khỏi danh sách, kết quả tìm kiếm, thống kê và các tệp xuất. Ctrl+Z sẽ đưa nó trở lại, về sau thì dùng Lịch sử ▸ Hoàn nguyên.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Nothing deleted</source>
        <translation>Chưa xóa gì</translation>
    </message>
    <message>
        <source>Deleted ‘{title}’ and its {facts} — Ctrl+Z brings it back</source>
        <translation>Đã xóa ‘{title}’ cùng {facts} của nó — Ctrl+Z để đưa trở lại</translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation>Đã lưu tùy chọn</translation>
    </message>
    <message>
        <source>The span cannot move that way</source>
        <translation>Không thể dời đoạn chữ theo hướng đó</translation>
    </message>
    <message>
        <source>Select the words in the article first, then press {key}</source>
        <translation>Hãy chọn các từ trong bài báo trước, rồi nhấn {key}</translation>
    </message>
    <message>
        <source>Extracting facts…</source>
        <translation>Đang trích xuất dữ kiện…</translation>
    </message>
    <message>
        <source>{n} article not yet extracted — Extract now</source>
        <translation>{n} bài báo chưa được trích xuất — Trích xuất ngay</translation>
    </message>
    <message>
        <source>{n} articles not yet extracted — Extract now</source>
        <translation>{n} bài báo chưa được trích xuất — Trích xuất ngay</translation>
    </message>
    <message>
        <source>{menu}: reviewed facts are kept as they are</source>
        <translation>{menu}: dữ kiện đã duyệt được giữ nguyên</translation>
    </message>
    <message>
        <source>Every fact in the workspace is reviewed</source>
        <translation>Mọi dữ kiện trong không gian làm việc đã được duyệt</translation>
    </message>
    <message>
        <source>Next article with pending facts</source>
        <translation>Bài tiếp theo còn dữ kiện chờ duyệt</translation>
    </message>
    <message>
        <source>Correct the title, date, source or author: Enter saves a field, Tab moves, Esc leaves</source>
        <translation>Sửa tiêu đề, ngày, nguồn hoặc tác giả: Enter lưu một trường, Tab để chuyển, Esc để thoát</translation>
    </message>
    <message>
        <source>Article {row} of {n}</source>
        <translation>Bài {row}/{n}</translation>
    </message>
    <message>
        <source>{n} fact left in the workspace</source>
        <translation>Còn {n} dữ kiện trong không gian làm việc</translation>
    </message>
    <message>
        <source>{n} facts left in the workspace</source>
        <translation>Còn {n} dữ kiện trong không gian làm việc</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Nothing was lost: the last saved decisions are intact. Fix the cause and press the key again.</source>
        <translation>Không mất gì cả: các quyết định đã lưu trước đó vẫn nguyên vẹn. Hãy khắc phục nguyên nhân rồi nhấn lại phím.</translation>
    </message>
    <message>
        <source>Save the edit of this fact before closing?</source>
        <translation>Lưu phần sửa dữ kiện này trước khi đóng?</translation>
    </message>
    <message>
        <source>Save the fact being added before closing?</source>
        <translation>Lưu dữ kiện đang thêm trước khi đóng?</translation>
    </message>
    <message>
        <source>The edit of this fact cannot be saved as typed. Close without it?</source>
        <translation>Không thể lưu phần sửa dữ kiện này như đã gõ. Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>The fact being added cannot be saved as typed. Close without it?</source>
        <translation>Không thể lưu dữ kiện đang thêm như đã gõ. Đóng mà không lưu?</translation>
    </message>
    <message>
        <source>Close Without Saving</source>
        <translation>Đóng không lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>Preferences — Fact Review</source>
        <translation>Tùy chọn — Fact Review</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Phím</translation>
    </message>
    <message>
        <source>Recorded on every decision from now on</source>
        <translation>Được ghi vào mọi quyết định từ giờ trở đi</translation>
    </message>
    <message>
        <source>Shift+A accepts the pending facts of the article at or above this confidence</source>
        <translation>Shift+A chấp nhận các dữ kiện chờ duyệt của bài có độ tin cậy từ mức này trở lên</translation>
    </message>
    <message>
        <source>Say how many facts a bulk accept or reject decides, first</source>
        <translation>Báo trước số dữ kiện sẽ được chấp nhận hoặc từ chối hàng loạt</translation>
    </message>
    <message>
        <source>Backups kept of each workspace (fewer for a big one: within 1 GB)</source>
        <translation>Số bản sao lưu giữ lại cho mỗi không gian làm việc (ít hơn nếu lớn: tối đa 1 GB)</translation>
    </message>
    <message>
        <source>only on demand (Ctrl+L)</source>
        <translation>chỉ khi yêu cầu (Ctrl+L)</translation>
    </message>
    <message>
        <source>Learn again after this many newly completed articles (this workspace)</source>
        <translation>Học lại sau khi duyệt xong thêm số bài này (không gian làm việc này)</translation>
    </message>
    <message>
        <source>Reviewer &amp;name:</source>
        <translation>&amp;Tên người duyệt:</translation>
    </message>
    <message>
        <source>Shift+A accepts &amp;from confidence:</source>
        <translation>Shift+A chấp nhận &amp;từ độ tin cậy:</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>Số bản &amp;sao lưu giữ lại:</translation>
    </message>
    <message>
        <source>&amp;Learn again after … completed articles:</source>
        <translation>&amp;Học lại sau … bài duyệt xong:</translation>
    </message>
    <message>
        <source>System follows the light or dark setting of the computer, as it changes</source>
        <translation>“Theo hệ thống” đi theo chế độ sáng hoặc tối của máy tính, kể cả khi nó thay đổi</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Theo hệ thống ({language})</translation>
    </message>
    <message>
        <source>The language of menus, dialogs and messages; the window is built again in it when the preferences are saved</source>
        <translation>Ngôn ngữ của trình đơn, hộp thoại và thông báo; cửa sổ được dựng lại bằng ngôn ngữ đó khi lưu tùy chọn</translation>
    </message>
    <message>
        <source>The article and the lists; Ctrl+= and Ctrl+- change it as you read</source>
        <translation>Bài báo và các danh sách; Ctrl+= và Ctrl+- đổi cỡ chữ ngay khi đang đọc</translation>
    </message>
    <message>
        <source>Colour-blind-safe &amp;Defaults</source>
        <translation>&amp;Màu mặc định an toàn cho người mù màu</translation>
    </message>
    <message>
        <source>The Okabe–Ito based colours, told apart with every common form of colour blindness</source>
        <translation>Bộ màu dựa trên Okabe–Ito, phân biệt được với mọi dạng mù màu thường gặp</translation>
    </message>
    <message>
        <source>A kind&apos;s colour grounds its facts in the article; the words on it stay black or white enough to read, whatever the colour.</source>
        <translation>Màu của một loại làm nền cho các dữ kiện của nó trong bài báo; chữ trên nền luôn đủ đen hoặc đủ trắng để đọc được, dù màu nào đi nữa.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>Giao &amp;diện:</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>&amp;Cỡ chữ:</translation>
    </message>
    <message>
        <source>Kind colours:</source>
        <translation>Màu các loại:</translation>
    </message>
    <message>
        <source>Colour of {kind} facts</source>
        <translation>Màu của dữ kiện loại {kind}</translation>
    </message>
    <message>
        <source>A reviewer needs a name, without control characters.</source>
        <translation>Người duyệt cần có tên, không chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Chưa lưu: {reason}</translation>
    </message>
    <message>
        <source>That fact no longer exists.</source>
        <translation>Dữ kiện đó không còn nữa.</translation>
    </message>
    <message>
        <source>Added fact saved</source>
        <translation>Đã lưu dữ kiện vừa thêm</translation>
    </message>
    <message>
        <source>add of “{text}”</source>
        <translation>thêm “{text}”</translation>
    </message>
    <message>
        <source>Saved: {fields}</source>
        <translation>Đã lưu: {fields}</translation>
    </message>
    <message>
        <source>correction of the {fields} of ‘{title}’</source>
        <translation>sửa {fields} của ‘{title}’</translation>
    </message>
    <message>
        <source>deletion of ‘{title}’</source>
        <translation>xóa ‘{title}’</translation>
    </message>
    <message>
        <source>Revert saved</source>
        <translation>Đã lưu việc hoàn nguyên</translation>
    </message>
    <message>
        <source>revert of {what}</source>
        <translation>hoàn nguyên {what}</translation>
    </message>
    <message>
        <source>Accept saved</source>
        <translation>Đã chấp nhận và lưu</translation>
    </message>
    <message>
        <source>Reject saved</source>
        <translation>Đã từ chối và lưu</translation>
    </message>
    <message>
        <source>Flag saved</source>
        <translation>Đã gắn cờ và lưu</translation>
    </message>
    <message>
        <source>Edit saved</source>
        <translation>Đã lưu phần sửa</translation>
    </message>
    <message>
        <source>accept of “{text}”</source>
        <translation>chấp nhận “{text}”</translation>
    </message>
    <message>
        <source>reject of “{text}”</source>
        <translation>từ chối “{text}”</translation>
    </message>
    <message>
        <source>flag of “{text}”</source>
        <translation>gắn cờ “{text}”</translation>
    </message>
    <message>
        <source>edit of “{text}”</source>
        <translation>sửa “{text}”</translation>
    </message>
    <message>
        <source>{n} fact accepted and saved</source>
        <translation>Đã chấp nhận và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} facts accepted and saved</source>
        <translation>Đã chấp nhận và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} fact rejected and saved</source>
        <translation>Đã từ chối và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} facts rejected and saved</source>
        <translation>Đã từ chối và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} fact flagged and saved</source>
        <translation>Đã gắn cờ và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>{n} facts flagged and saved</source>
        <translation>Đã gắn cờ và lưu {n} dữ kiện</translation>
    </message>
    <message>
        <source>accept of {n} fact {where}</source>
        <translation>chấp nhận {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>accept of {n} facts {where}</source>
        <translation>chấp nhận {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>reject of {n} fact {where}</source>
        <translation>từ chối {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>reject of {n} facts {where}</source>
        <translation>từ chối {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>flag of {n} fact {where}</source>
        <translation>gắn cờ {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>flag of {n} facts {where}</source>
        <translation>gắn cờ {n} dữ kiện {where}</translation>
    </message>
    <message>
        <source>Statistics — Fact Review</source>
        <translation>Thống kê — Fact Review</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>Thống kê…</translation>
    </message>
    <message>
        <source>The statistics could not be read: {reason}</source>
        <translation>Không đọc được số liệu thống kê: {reason}</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>{done} of {total} facts reviewed in {articles} articles</source>
        <translation>Đã duyệt {done} trên {total} dữ kiện trong {articles} bài báo</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Nhịp độ</translation>
    </message>
    <message>
        <source>decisions per hour, by review session (a pause over 30 minutes starts a new session)</source>
        <translation>số quyết định mỗi giờ, theo phiên duyệt (nghỉ quá 30 phút thì bắt đầu phiên mới)</translation>
    </message>
    <message>
        <source>{rate}/h, {n} decisions</source>
        <translation>{rate}/giờ, {n} quyết định</translation>
    </message>
    <message>
        <source>no sessions yet</source>
        <translation>chưa có phiên nào</translation>
    </message>
    <message>
        <source>{rate} of {n}</source>
        <translation>{rate} trên {n}</translation>
    </message>
    <message>
        <source>accepted as extracted</source>
        <translation>chấp nhận nguyên như trích xuất</translation>
    </message>
    <message>
        <source>Acceptance by kind</source>
        <translation>Tỷ lệ chấp nhận theo loại</translation>
    </message>
    <message>
        <source>nothing reviewed yet</source>
        <translation>chưa duyệt gì</translation>
    </message>
    <message>
        <source>Acceptance by extractor rule</source>
        <translation>Tỷ lệ chấp nhận theo quy tắc trích xuất</translation>
    </message>
    <message>
        <source>worst first: the rules to fix or distrust</source>
        <translation>thấp nhất trước: những quy tắc cần sửa hoặc không nên tin</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Tiền</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Tỷ lệ phần trăm</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Legal ref.</source>
        <translation>Văn bản pháp luật</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>chờ duyệt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>đã từ chối</translation>
    </message>
    <message>
        <source>added</source>
        <translation>đã thêm</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>đã gắn cờ</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>chính xác</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>hơn</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>dưới</translation>
    </message>
    <message>
        <source>about</source>
        <translation>khoảng</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>gần</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>ít nhất</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>tối đa</translation>
    </message>
    <message>
        <source>country</source>
        <translation>quốc gia</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh/thành phố</translation>
    </message>
    <message>
        <source>district</source>
        <translation>quận/huyện</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>xã/phường</translation>
    </message>
    <message>
        <source>region</source>
        <translation>vùng</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>accept the selected fact</source>
        <translation>chấp nhận dữ kiện đang chọn</translation>
    </message>
    <message>
        <source>reject it</source>
        <translation>từ chối nó</translation>
    </message>
    <message>
        <source>edit its value, fields or span</source>
        <translation>sửa giá trị, các trường hoặc đoạn chữ của nó</translation>
    </message>
    <message>
        <source>add a fact from the words selected in the article</source>
        <translation>thêm một dữ kiện từ các từ đã chọn trong bài báo</translation>
    </message>
    <message>
        <source>the next pending fact, across articles</source>
        <translation>dữ kiện chờ duyệt tiếp theo, kể cả sang bài khác</translation>
    </message>
    <message>
        <source>Every article of the workspace. A bold title still has facts to review; the bar shows how many are done. {next} and {prev} open the next and previous one, {here} moves the keys here.</source>
        <translation>Mọi bài báo của không gian làm việc. Tiêu đề in đậm là bài còn dữ kiện cần duyệt; thanh ngang cho biết đã duyệt được bao nhiêu. {next} và {prev} mở bài sau và bài trước, {here} chuyển bàn phím về đây.</translation>
    </message>
    <message>
        <source>The article</source>
        <translation>Bài báo</translation>
    </message>
    <message>
        <source>Its text, each fact in its kind&apos;s colour: dashed while pending, solid once accepted, struck through when rejected, filled when selected. Grey lines are page furniture: {furniture} hides them. {find} in the text finds words in it.</source>
        <translation>Nội dung bài, mỗi dữ kiện mang màu của loại nó: gạch đứt khi chờ duyệt, gạch liền khi đã chấp nhận, gạch ngang khi bị từ chối, tô đầy khi đang chọn. Các dòng màu xám là phần phụ của trang: {furniture} để ẩn chúng. {find} trong nội dung để tìm từ trong bài.</translation>
    </message>
    <message>
        <source>The article&apos;s facts in reading order. The keys act on the selected one: {next} and {prev} move. Every decision is saved at once; {undo} takes it back.</source>
        <translation>Các dữ kiện của bài theo thứ tự đọc. Phím tắt tác động lên dữ kiện đang chọn: {next} và {prev} để di chuyển. Mọi quyết định được lưu ngay; {undo} để rút lại.</translation>
    </message>
    <message>
        <source>Five keys do most of the work</source>
        <translation>Năm phím làm phần lớn công việc</translation>
    </message>
    <message>
        <source>{help} shows every key; {menu} shows this tour again.</source>
        <translation>{help} hiện mọi phím tắt; {menu} để xem lại phần giới thiệu này.</translation>
    </message>
    <message>
        <source>Tour of the window</source>
        <translation>Giới thiệu cửa sổ</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Tiếp →</translation>
    </message>
    <message>
        <source>Skip tour (Esc)</source>
        <translation>Bỏ qua (Esc)</translation>
    </message>
    <message>
        <source>Start reviewing</source>
        <translation>Bắt đầu duyệt</translation>
    </message>
    <message>
        <source>did not add it</source>
        <translation>không thêm</translation>
    </message>
    <message>
        <source>Span F1</source>
        <translation>F1 đoạn chữ</translation>
    </message>
    <message>
        <source>Spans A</source>
        <translation>Đoạn của A</translation>
    </message>
    <message>
        <source>Spans B</source>
        <translation>Đoạn của B</translation>
    </message>
    <message>
        <source>In both</source>
        <translation>Cả hai cùng có</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Hệ số kappa</translation>
    </message>
    <message>
        <source>Decided by both</source>
        <translation>Cả hai đã quyết định</translation>
    </message>
    <message>
        <source>Same decision</source>
        <translation>Cùng quyết định</translation>
    </message>
    <message>
        <source>Agreement between reviewers</source>
        <translation>Mức độ đồng thuận giữa người duyệt</translation>
    </message>
    <message>
        <source>Reviewers:</source>
        <translation>Người duyệt:</translation>
    </message>
    <message>
        <source>Counting agreement…</source>
        <translation>Đang tính mức độ đồng thuận…</translation>
    </message>
    <message>
        <source>No two reviewers share an article yet: assign articles to two reviewers (fact-review assign --overlap) to measure agreement.</source>
        <translation>Chưa có hai người duyệt nào dùng chung một bài: hãy giao bài cho hai người (fact-review assign --overlap) để đo mức độ đồng thuận.</translation>
    </message>
    <message>
        <source>Spans of {name}</source>
        <translation>Đoạn của {name}</translation>
    </message>
    <message>
        <source>{a} and {b} share {shared} articles; both finished {finished}: span F1 is measured there, kappa on the proposed facts both decided.</source>
        <translation>{a} và {b} dùng chung {shared} bài; cả hai đã duyệt xong {finished} bài: F1 đoạn chữ được đo trên các bài đó, kappa trên các dữ kiện đề xuất mà cả hai đã quyết định.</translation>
    </message>
    <message>
        <source>Adjudicate disagreements</source>
        <translation>Phân xử bất đồng</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>1, 2…: take that reviewer&apos;s side · R: reject · E: write the final fact (Enter saves, Esc leaves) · J/K: next, previous · Ctrl+Z: undo</source>
        <translation>1, 2…: theo ý người duyệt đó · R: từ chối · E: tự viết dữ kiện cuối cùng (Enter lưu, Esc thoát) · J/K: tiếp, trước · Ctrl+Z: hoàn tác</translation>
    </message>
    <message>
        <source>Could not read the disagreements: {error}</source>
        <translation>Không đọc được các bất đồng: {error}</translation>
    </message>
    <message>
        <source>No disagreements left: every shared article the reviewers finished is settled.</source>
        <translation>Không còn bất đồng nào: mọi bài dùng chung mà người duyệt đã duyệt xong đều đã được phân xử.</translation>
    </message>
    <message>
        <source>Disagreement {i} of {n}</source>
        <translation>Bất đồng {i} trên {n}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Chưa lưu: {error}</translation>
    </message>
    <message>
        <source>Adjudication saved</source>
        <translation>Đã lưu kết quả phân xử</translation>
    </message>
    <message>
        <source>Nothing to undo here</source>
        <translation>Không có gì để hoàn tác ở đây</translation>
    </message>
    <message>
        <source>Adjudication undone</source>
        <translation>Đã hoàn tác kết quả phân xử</translation>
    </message>
</context>
<context>
    <name>FactField</name>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Approx.</source>
        <translation>Ước lượng</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Tiền tệ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>Danh xưng</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Viết tắt</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>KindShort</name>
    <message>
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Tiền</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Org</source>
        <translation>TC</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Nơi</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>VB</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Float</source>
        <translation>Tách ra</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>QKeySequenceEdit</name>
    <message>
        <source>Press shortcut</source>
        <translation>Nhấn phím tắt</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Cuộn sang phải</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
</TS>
