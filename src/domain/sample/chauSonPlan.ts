import type { PlanDefinition } from "../plan/schema";

/**
 * Kế hoạch số 10/KH-UBND ngày 11/06/2021 của UBND xã Châu Sơn: the sample plan, as `plan import`
 * reads it from the seed's text (a test holds the two equal). Only the sample (demo, the preview's
 * sample workbook) uses it; every job reads the plan from the workbook it works on.
 */
export const chauSonPlan: PlanDefinition = {
  movement: "Toàn dân tham gia phòng, chống dịch Covid-19",
  issuingBody: {
    parent: "ỦY BAN NHÂN DÂN",
    name: "XÃ CHÂU SƠN",
  },
  place: "Châu Sơn",
  planNumber: "10/KH-UBND",
  planDate: "2021-06-11",
  year: 2021,
  units: [
    {
      name: "Các ban, ngành, đoàn thể, cơ sở thôn",
      group: "Ban, ngành, đoàn thể",
      section: "III.1",
      tasks: [
        {
          content:
            "Thường xuyên tuyên truyền, vận động cán bộ và Nhân dân nâng cao ý thức, chấp hành nghiêm các quy định về phòng, chống dịch, là tiêu chí ưu tiên để xét phân loại thi đua hàng năm đối với cán bộ, đảng viên, đoàn viên, hội viên và gia đình văn hóa",
          section: "III.1",
        },
        {
          content:
            "Quán triệt cho cán bộ, Nhân dân bình tĩnh, tránh hai khuynh hướng: (1) Lơ là, chủ quan, mất cảnh giác (nhất là khi không có dịch); (2) Hốt hoảng, hoang mang, lo lắng, mất bình tĩnh, thiếu bản lĩnh khi ứng phó dịch",
          section: "III.1",
        },
        {
          content:
            "Chủ động triển khai các biện pháp phòng, chống dịch phù hợp; gắn trách nhiệm cho Thủ trưởng, người đứng đầu cơ quan, đơn vị, cơ sở thôn khi để dịch xâm nhập vào cơ quan, đơn vị, thôn mình",
          section: "III.1",
        },
        {
          content: "Mở các đợt cao điểm tăng cường lực lượng, phương tiện và hỗ trợ vật chất cho các khu vực phát sinh dịch bệnh trong cộng đồng",
          section: "III.1",
        },
        {
          content:
            'Xây dựng các ban, ngành, đoàn thể, cơ quan, doanh nghiệp, trường học, tổ tự quản, thôn làng, dòng họ, giáo xứ, giáo họ… điển hình tiên tiến trong phong trào "Toàn dân tham gia phòng, chống dịch Covid-19"',
          section: "III.1",
        },
        {
          content: 'Hàng năm xét công nhận ban, ngành, đoàn thể, cơ quan, doanh nghiệp "An toàn về Covid-19"',
          section: "III.1",
        },
      ],
    },
    {
      name: "Trạm y tế xã",
      group: "Chuyên môn",
      section: "III.2",
      tasks: [
        {
          content:
            "Chủ trì, phối hợp với các ban, ngành, đoàn thể có liên quan căn cứ hướng dẫn của cấp trên tổ chức tiêm vắc xin bài bản, khoa học, hiệu quả, ưu tiên cho lực lượng tuyến đầu phòng, chống dịch, công nhân, người lao động; các thành viên Tổ tự quản phòng, chống dịch Covid-19",
          section: "III.2",
        },
        {
          content:
            "Hướng dẫn công tác phòng, chống dịch cho các Tổ tự quản phòng, chống dịch Covid-19 trong việc phát hiện người nghi nhiễm bệnh, xử lý người từ vùng dịch về, quản lý, giám sát người cách ly tại nhà, người khai báo y tế không trung thực",
          section: "III.2",
        },
      ],
    },
    {
      name: "Công an xã",
      group: "Lực lượng vũ trang",
      section: "III.3",
      tasks: [
        {
          content:
            "Chỉ đạo, hướng dẫn các Tổ tự quản, các mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc (thôn, dòng họ, giáo xứ, giáo họ, câu lạc bộ tự quản về an ninh trật tự) thực hiện nhiệm vụ gắn với công tác phòng chống dịch Covid-19 trong thời gian tới",
          section: "III.3",
        },
        {
          content:
            "Hướng dẫn các Tổ tự quản phòng chống dịch Covid-19 trong công tác quản lý cư trú, nhất là việc phát hiện, thông báo các trường hợp người ở địa phương khác đến địa bàn chưa khai báo tạm trú, chưa thực hiện các quy định phòng, chống dịch (khai báo y tế, cách ly); quản lý, giám sát việc thực hiện cách ly y tế tại nhà",
          section: "III.3",
        },
        {
          content: "Tăng cường công tác quản lý cư trú; phát động phong trào toàn dân tích cực tham gia tố giác các trường hợp nhập cảnh, cư trú trái phép trên địa bàn",
          section: "III.3",
        },
        {
          content:
            "Tích cực vận động Nhân dân hỗ trợ lực lượng chức năng tham gia truy vết, tìm kiếm các trường hợp trốn tránh cách ly; phát hiện, xử lý các trường hợp lợi dụng tình hình dịch bệnh tung tin sai sự thật, găm hàng, thổi giá, buôn bán hàng giả... gây phức tạp tình hình",
          section: "III.3",
        },
      ],
    },
    {
      name: "Ban Chỉ huy Quân sự xã",
      group: "Lực lượng vũ trang",
      section: "III.4",
      tasks: [
        {
          content:
            "Phối hợp trạm Y tế và các ban, ngành, đoàn thể có liên quan chuẩn bị tốt khu cách ly, vận động người được cách ly chấp hành nghiêm các quy định phòng, chống dịch bệnh, khai báo y tế đầy đủ, cung cấp cho cơ sở cách ly thông tin đầy đủ các trường hợp tiếp xúc gần hoặc có liên quan khác (nếu có)",
          section: "III.4",
        },
        {
          content:
            "Phân công cán bộ, chiến sỹ xuống cơ sở thôn phối hợp lực lượng Công an, các ban, ngành, đoàn thể thực hiện các nhiệm vụ bảo đảm an ninh, trật tự kết hợp tuyên truyền thực hiện công tác phòng, chống dịch",
          section: "III.4",
        },
        {
          content: "Chỉ đạo lực lượng dân quân tự vệ tích cực tham gia, hỗ trợ hoạt động của các Tổ tuần tra, Tổ tự quản phòng, chống dịch",
          section: "III.4",
        },
      ],
    },
    {
      name: "Công chức địa chính xây dựng, giao thông, NTM",
      group: "Chuyên môn",
      section: "III.5",
      tasks: [
        {
          content:
            "Phối hợp với các ban, ngành, đoàn thể có liên quan tăng cường nắm tình hình, kiểm tra hoạt động phòng, chống dịch Covid-19 của các doanh nghiệp, cơ sở sản xuất, kinh doanh trên địa bàn",
          section: "III.5",
        },
        {
          content:
            "Vận động, hướng dẫn các doanh nghiệp, cá nhân vận tải, nhất là các doanh nghiệp, cá nhân vận tải hành khách các biện pháp phòng, chống dịch; báo cho cơ quan chức năng biết để kịp thời xử lý các trường hợp có biểu hiện mắc bệnh, đi từ vùng dịch về địa phương hoặc các trường hợp nhập cảnh trái phép...",
          section: "III.5",
        },
        {
          content:
            'Căn cứ các văn bản chỉ đạo, hướng dẫn của các Sở, ngành liên quan, hướng dẫn việc vận chuyển, lưu thông, tiêu thụ hàng hóa, nguyên liệu sản xuất, nông sản giữa các vùng có dịch và địa phương khác bảo đảm an toàn, phòng, chống dịch và không làm đình trệ, ách tắc hoạt động sản xuất, kinh doanh. Xây dựng các mô hình "Nhà xe không Covid-19"',
          section: "III.5",
        },
      ],
    },
    {
      name: "Trường học",
      group: "Trường học",
      section: "III.6",
      tasks: [
        {
          content:
            'Tổ chức tuyên truyền, ký cam kết cho cán bộ, giáo viên, học sinh chấp hành nghiêm các quy định về phòng, chống dịch bệnh. Tăng cường việc dạy học bằng hình thức trực tuyến và bảo đảm chất lượng; xây dựng các mô hình "Trường học không Covid-19"',
          section: "III.6",
        },
      ],
    },
    {
      name: "Ngành Văn hoá và Thông tin",
      group: "Chuyên môn",
      section: "III.7",
      tasks: [
        {
          content:
            "Tham mưu, triển khai việc áp dụng các giải pháp công nghệ thông tin; phối hợp với trạm y tế hướng dẫn khai báo; quản lý, khai thác, sử dụng hiệu quả việc khai báo y tế trên các ứng dụng công nghệ của các tổ chức, cá nhân đặc biệt là những trường hợp có nguy cơ cao để có biện pháp xử lý kịp thời. Căn cứ chỉ đạo của cấp trên hướng dẫn tuyên tuyền công tác phòng, chống dịch",
          section: "III.7",
        },
      ],
    },
    {
      name: "Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên",
      group: "Mặt trận, đoàn thể",
      section: "III.8",
      tasks: [
        {
          content:
            "Huy động nguồn đóng góp của các ban, ngành, đoàn thể, cơ quan, đơn vị, doanh nghiệp, các nhà hảo tâm và Nhân dân theo tinh thần huy động sức mạnh toàn dân và công khai minh bạch, khách quan trong quản lý, sử dụng",
          section: "III.8",
        },
        {
          content:
            'Đẩy mạnh tuyên truyền, vận động hội viên, đoàn viên và các tầng lớp Nhân dân chấp hành pháp luật, tích cực hưởng ứng phong trào "Toàn dân tham gia phòng, chống dịch Covid-19". Củng cố, phát huy hiệu quả hoạt động của các mô hình quần chúng tự quản, tự phòng, tự hòa giải ở cơ sở để phát hiện, cung cấp thông tin cho cơ quan liên quan; kêu gọi chia sẻ, ủng hộ, động viên các nguồn lực phục vụ công tác phòng, chống dịch. Xây dựng các mô hình như: "Xã không Covid-19", "Cơ quan không Covid-19", "Thôn, làng không Covid-19", "Giáo xứ, giáo họ không Covid-19", "Ngõ xóm không Covid-19", "Dòng họ không Covid-19"...',
          section: "III.8",
        },
      ],
    },
    {
      name: "Đài Truyền thanh xã",
      group: "Chuyên môn",
      section: "III.9",
      tasks: [
        {
          content:
            'Tăng cường các hoạt động tuyên truyền để người dân nắm rõ tình hình dịch, không đến các địa phương có dịch, người từ vùng dịch không về địa phương; trong trường hợp thực sự cần thiết phải đi hoặc về phải khai báo y tế và thực hiện nghiêm các biện pháp phòng, chống dịch. Tuyên truyền, nhân rộng các điển hình tiên tiến trong phong trào "Toàn dân tham gia phòng, chống dịch Covid-19" để động viên, khích lệ phong trào',
          section: "III.9",
        },
      ],
    },
    {
      name: "Công chức tài chính kế toán xã",
      group: "Chuyên môn",
      section: "III.10",
      tasks: [
        {
          content:
            "Phối hợp với các ban, ngành liên quan căn cứ tình hình thực tế tham mưu, báo cáo UBND xã xem xét, quyết định việc sử dụng ngân sách để hỗ trợ mua vật tư y tế, hỗ trợ thêm cho các lực lượng tham gia phòng, chống dịch Covid-19 trên địa bàn",
          section: "III.10",
        },
      ],
    },
    {
      name: "Công chức Văn phòng CCHC- thi đua khen thưởng- thủ quỹ-thống kê",
      group: "Chuyên môn",
      section: "III.11",
      tasks: [
        {
          content:
            "Tham mưu UBND xã chỉ đạo, hướng dẫn các cơ sở tôn giáo, tín ngưỡng, các chức sắc, tín đồ tôn giáo và Nhân dân thực hiện nghiêm các quy định về phòng, chống dịch trong sinh hoạt tôn giáo và tín ngưỡng",
          section: "III.11",
        },
        {
          content: "Chủ trì, phối hợp trạm Y tế và các ban, ngành theo dõi tổng hợp đề xuất UBND xã khen thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc trong công tác phòng, chống dịch",
          section: "III.11",
        },
      ],
    },
  ],
  milestones: [
    {
      section: "II.1",
      kind: "launch",
      content: 'Tổ chức phát động phong trào "Toàn dân tham gia phòng, chống dịch Covid-19": ban, ngành, đoàn thể, cơ sở thôn, doanh nghiệp, trường học, tổ chức phát động',
      deadline: "2021-06-15",
      unit: "Các ban, ngành, đoàn thể, cơ sở thôn",
    },
    {
      section: "II.2",
      kind: "pledge",
      content: "Sau khi tổ chức phát động từng thôn, hộ gia đình, học sinh, sinh viên, cán bộ, công chức, viên chức, công nhân, người lao động ký cam kết phòng, chống dịch Covid-19",
      deadline: "2021-06-30",
      unit: "Các ban, ngành, đoàn thể, cơ sở thôn",
    },
  ],
  reporting: {
    cadence: ["semiannual", "annual"],
    receiver: "UBND huyện Quỳnh Phụ",
    via: "Văn phòng HĐND-UBND, trạm Y tế xã",
    reportSymbol: "BC-UBND",
  },
  recipients: ["TTĐU, HĐND, UBND xã", "Các phòng, ban, ngành, MTTQ, đoàn thể xã", "Cơ sở thôn"],
  signatory: {
    authority: "TM. ỦY BAN NHÂN DÂN",
    title: "CHỦ TỊCH",
    name: "Đỗ Văn Tuấn",
  },
  awardForms: ['Công nhận "An toàn về Covid-19"'],
  trackers: ["tasks", "pledges", "donations", "nominations"],
};
