# Article content for the multi-site dev set. All text here was written by the bantin team for
# this set: the events, people and quotes are invented; only the page templates (built by
# build.py) imitate the structure of real Vietnamese news sites.

ARTICLES = {}

ARTICLES["vnexpress_1"] = dict(
    title="Hà Nội thử nghiệm làn riêng cho xe buýt trên trục Nguyễn Trãi",
    lede="Từ 1/9, xe buýt chạy trên đoạn Ngã Tư Sở - Hà Đông sẽ có làn riêng sát dải phân cách giữa, xe khác đi vào làn này giờ cao điểm có thể bị phạt.",
    body=[
        "Sở Giao thông Vận tải Hà Nội chiều 14/8 cho biết đã hoàn tất phương án tổ chức làn ưu tiên dài khoảng 5,2 km trên đường Nguyễn Trãi. Làn được sơn màu đỏ sẫm, phân cách bằng vạch kẻ liền và cọc tiêu mềm, áp dụng từ 6h đến 9h và từ 16h đến 19h các ngày trong tuần.",
        "Theo ông Trần Quang Vinh, Phó phòng Quản lý vận tải của Sở, đây là tuyến có lưu lượng hành khách xe buýt lớn nhất phía tây thành phố với hơn 40.000 lượt mỗi ngày. Thời gian một chuyến xe đi hết đoạn này vào giờ cao điểm hiện mất 35-40 phút, gấp đôi so với giờ thấp điểm.",
        "Trong ba tháng thử nghiệm, lực lượng cảnh sát giao thông sẽ dùng camera gắn trên xe buýt để ghi hình phương tiện lấn làn. Giai đoạn đầu, người vi phạm chủ yếu được nhắc nhở; từ tháng thứ hai, các trường hợp cố tình đi vào làn ưu tiên sẽ bị xử phạt theo quy định về đi không đúng phần đường.",
        "Nhiều người dân sống dọc tuyến tỏ ra băn khoăn. Chị Nguyễn Thu Hà, nhân viên văn phòng ở phường Thanh Xuân Bắc, nói đoạn đường vốn đã chật, dành một làn cho xe buýt thì ôtô con và xe máy sẽ càng dồn ứ. \"Tôi ủng hộ xe buýt nhưng cần xem lại các nút giao, nhất là chỗ rẽ vào Khuất Duy Tiến\", chị nói.",
        "Phía Sở cho biết sẽ điều chỉnh chu kỳ đèn tại bốn nút giao chính và cấm rẽ trái ở hai điểm mở dải phân cách để giảm xung đột. Kết quả thử nghiệm sẽ được đánh giá vào cuối năm trước khi quyết định nhân rộng sang các trục Giải Phóng và Tây Sơn.",
    ],
    images=[
        dict(src="https://i1-vnexpress.vnecdn.net/2021/08/14/lan-buyt-nguyen-trai-1628939940.jpg",
             caption="Đoạn đường Nguyễn Trãi gần ngã tư Khuất Duy Tiến, nơi dự kiến tổ chức làn ưu tiên cho xe buýt.",
             credit="Ngọc Thành"),
    ],
    related=[
        dict(title="Xe buýt nhanh BRT sau 5 năm vận hành", url="https://vnexpress.net/xe-buyt-nhanh-brt-sau-5-nam-van-hanh-4333102.html"),
    ],
    authors=["Võ Hải"],
)

ARTICLES["tuoitre_1"] = dict(
    title="Nông dân Sóc Trăng trúng mùa lúa thơm nhưng lo đầu ra",
    lede="Vụ hè thu năm nay, nhiều cánh đồng lúa thơm ở Sóc Trăng cho năng suất trên 6 tấn/ha, cao nhất trong 5 năm. Tuy vậy, thương lái trả giá thấp hơn vụ trước khiến nông dân chưa vội bán.",
    body=[
        "Sáng 3/7, trên cánh đồng ấp Hòa Đông, xã Hòa Tú 1 (huyện Mỹ Xuyên), máy gặt đập liên hợp chạy liên tục từ sớm. Ông Lâm Văn Thạnh, người có hơn 3 ha lúa ST25, cho biết mỗi công ruộng năm nay đạt gần 900 kg lúa tươi, tăng khoảng 100 kg so với năm ngoái.",
        "\"Trời thuận, ít sâu bệnh nên lúa đẹp lắm. Có điều giá thương lái đưa ra chỉ 8.200 đồng/kg lúa tươi, thấp hơn vụ trước gần 1.000 đồng nên tôi còn đang tính\", ông Thạnh nói.",
        "Theo Sở Nông nghiệp và Phát triển nông thôn tỉnh Sóc Trăng, toàn tỉnh xuống giống hơn 140.000 ha lúa hè thu, trong đó khoảng 60% là các giống lúa thơm. Đến nay nông dân đã thu hoạch được gần một nửa diện tích, năng suất bình quân đạt 6,1 tấn/ha.",
        "Một số doanh nghiệp cho biết giá thu mua giảm do đơn hàng xuất khẩu gạo thơm sang một số thị trường chậm lại trong quý II. Bà Trần Thị Mỹ Lệ, giám đốc một công ty lương thực tại thị xã Ngã Năm, cho rằng giá có thể nhích lên vào cuối tháng khi các hợp đồng mới được ký.",
        "Ngành nông nghiệp tỉnh khuyến cáo nông dân không nên ồ ạt bán lúa tươi cùng lúc, ưu tiên liên kết với các hợp tác xã có kho sấy để chủ động thời điểm bán. Tỉnh cũng đang làm việc với ngân hàng để giãn thời hạn trả nợ cho các hộ vay vốn sản xuất.",
        "Ông Huỳnh Văn Sang, giám đốc Hợp tác xã nông nghiệp Hòa Tú, cho biết hợp tác xã đang nhận sấy và gửi kho miễn phí trong 30 ngày cho thành viên, với điều kiện lúa đạt độ ẩm dưới 17%.",
    ],
    images=[
        dict(src="https://cdn.tuoitre.vn/471584752817336320/2023/7/3/lua-st25-soc-trang-16883581125.jpg",
             caption="Nông dân xã Hòa Tú 1 thu hoạch lúa ST25 vụ hè thu",
             credit="TRẦN NGỌC"),
    ],
    related=[
        dict(title="Giá lúa gạo tăng, nông dân miền Tây phấn khởi", url="https://tuoitre.vn/gia-lua-gao-tang-nong-dan-mien-tay-phan-khoi-20230612093012345.htm"),
        dict(title="Sóc Trăng xây dựng vùng nguyên liệu lúa thơm 100.000 ha", url="https://tuoitre.vn/soc-trang-xay-dung-vung-nguyen-lieu-lua-thom-20230520181530876.htm"),
    ],
    authors=["Trần Ngọc"],
)

ARTICLES["thanhnien_1"] = dict(
    title="Đà Nẵng mở lại tuyến đi bộ ven sông Hàn sau hai năm cải tạo",
    lede="Tuyến đi bộ dài 2,3 km dọc bờ tây sông Hàn được mở lại từ tối 4/3 với mặt lát đá mới, hệ thống chiếu sáng tiết kiệm điện và nhiều điểm dừng chân cho du khách.",
    body=[
        "Công trình do Ban Quản lý dự án hạ tầng giao thông Đà Nẵng làm chủ đầu tư, tổng vốn khoảng 95 tỉ đồng. Phần lớn mặt đường cũ bị lún, nứt sau nhiều mùa mưa bão nên được thay bằng đá granite chống trơn, lớp nền được gia cố lại.",
        "Cải tạo hạ tầng",
        "Ông Lê Minh Quốc, Trưởng ban quản lý dự án, cho biết đơn vị thi công đã lắp thêm 180 cột đèn LED, 40 ghế đá và 6 nhà vệ sinh công cộng. Hệ thống thoát nước được tách riêng với nước mưa chảy ra sông để hạn chế mùi hôi vào mùa khô.",
        "Dọc tuyến, thành phố bố trí ba khoảng sân rộng cho hoạt động biểu diễn đường phố vào cuối tuần. Các nhóm nghệ sĩ muốn biểu diễn phải đăng ký với UBND quận Hải Châu và tuân thủ giới hạn âm lượng sau 22 giờ.",
        "Người dân hào hứng",
        "Ngay trong tối mở cửa, hàng nghìn người dân và du khách đã đến tản bộ, chụp ảnh. Bà Phan Thị Hồng (62 tuổi, ở P.Thạch Thang) nói mỗi sáng bà vẫn đi bộ ở đây nhưng hai năm qua phải chuyển sang công viên khác vì công trường rào chắn.",
        "Theo UBND TP.Đà Nẵng, giai đoạn tiếp theo sẽ cải tạo đoạn bờ đông từ cầu Rồng đến cầu Trần Thị Lý, dự kiến khởi công trong quý III năm nay.",
    ],
    images=[
        dict(src="https://images2.thanhnien.vn/528068263637045248/2023/3/5/song-han-di-bo-1677977501.jpg",
             caption="Tuyến đi bộ ven sông Hàn sau khi cải tạo",
             credit="HOÀNG SƠN"),
        dict(src="https://images2.thanhnien.vn/528068263637045248/2023/3/5/song-han-2-1677977503.jpg",
             caption="Người dân tản bộ trong tối mở cửa lại tuyến đường",
             credit="HOÀNG SƠN"),
    ],
    related=[
        dict(title="Đà Nẵng chi hơn 90 tỉ đồng chỉnh trang bờ tây sông Hàn", url="https://thanhnien.vn/da-nang-chi-hon-90-ti-dong-chinh-trang-bo-tay-song-han-185210607.htm"),
        dict(title="Cầu Rồng phun lửa phục vụ du khách dịp cuối tuần", url="https://thanhnien.vn/cau-rong-phun-lua-phuc-vu-du-khach-185230211.htm"),
    ],
    authors=["Hoàng Sơn"],
)

ARTICLES["vov_1"] = dict(
    title="Indonesia sơ tán hơn 3.000 dân gần núi lửa Semeru",
    lede="Chính quyền tỉnh Đông Java, Indonesia đã sơ tán hơn 3.000 người dân sống gần núi lửa Semeru sau khi núi lửa này phun cột tro bụi cao gần 2 km vào sáng 12/3.",
    body=[
        "Cơ quan Núi lửa và Giảm nhẹ rủi ro địa chất Indonesia đã nâng mức cảnh báo đối với núi Semeru lên cấp độ 3 trên thang 4 cấp, đồng thời khuyến cáo người dân không hoạt động trong bán kính 8 km tính từ miệng núi lửa.",
        "Theo người phát ngôn Cơ quan quản lý thảm họa quốc gia Indonesia, các gia đình ở ba làng thuộc huyện Lumajang đã được đưa tới các trường học và nhà văn hóa. Chính quyền địa phương đã chuẩn bị lương thực, nước sạch và khẩu trang cho người sơ tán trong ít nhất một tuần.",
        "Tro bụi núi lửa phủ dày nhiều tuyến đường và ruộng vườn ở các khu vực lân cận, khiến tầm nhìn bị hạn chế. Một số chuyến bay nội địa tới sân bay Malang đã phải điều chỉnh đường bay, song chưa có chuyến nào bị hủy.",
        "Semeru là ngọn núi cao nhất trên đảo Java và là một trong những núi lửa hoạt động mạnh nhất của Indonesia. Quốc gia Đông Nam Á này nằm trên \"Vành đai lửa Thái Bình Dương\", nơi thường xuyên xảy ra động đất và núi lửa phun trào.",
    ],
    images=[
        dict(src="https://media.vov.vn/sites/default/files/styles/large/public/2022-03/semeru.jpg",
             caption="Cột tro bụi bốc lên từ núi lửa Semeru nhìn từ huyện Lumajang, tỉnh Đông Java.",
             credit="Reuters"),
    ],
    related=[
        dict(title="Động đất mạnh 6,2 độ rung chuyển đảo Sumatra của Indonesia", url="https://vov.vn/the-gioi/dong-dat-manh-62-do-rung-chuyen-dao-sumatra-post930145.vov"),
        dict(title="Indonesia nâng cảnh báo núi lửa Merapi", url="https://vov.vn/the-gioi/indonesia-nang-canh-bao-nui-lua-merapi-post928871.vov"),
    ],
    authors=["Minh Hòa"],
)

ARTICLES["vietnamplus_1"] = dict(
    title="Thái Lan khởi công tuyến đường sắt đôi nối Bangkok với biên giới Lào",
    lede="Dự án đường sắt đôi dài hơn 350 km được kỳ vọng rút ngắn thời gian vận chuyển hàng hóa giữa Thái Lan, Lào và miền nam Trung Quốc.",
    body=[
        "Theo phóng viên TTXVN tại Bangkok, ngày 20/5, Bộ Giao thông Thái Lan đã tổ chức lễ khởi công giai đoạn hai của dự án đường sắt đôi tuyến phía đông bắc, kéo dài từ tỉnh Khon Kaen tới tỉnh Nong Khai giáp biên giới Lào.",
        "Phát biểu tại buổi lễ, Bộ trưởng Giao thông Thái Lan cho biết tổng vốn đầu tư của giai đoạn này vào khoảng 28 tỷ baht (khoảng 810 triệu USD). Khi hoàn thành vào năm 2027, tuyến đường sẽ cho phép tàu hàng chạy với tốc độ tối đa 120 km/giờ, gấp đôi hiện nay.",
        "Giới chức Thái Lan kỳ vọng dự án sẽ giúp hàng nông sản như sắn, cao su và trái cây của các tỉnh đông bắc tiếp cận nhanh hơn với tuyến đường sắt Lào-Trung Quốc, qua đó mở rộng xuất khẩu sang thị trường Trung Quốc.",
        "Hiện nhiều doanh nghiệp logistics Thái Lan đã bắt đầu xây dựng kho bãi và trung tâm trung chuyển tại tỉnh Nong Khai, đón đầu nhu cầu vận chuyển hàng hóa bằng đường sắt dự kiến tăng mạnh trong những năm tới.",
        "Tuy nhiên, một số chuyên gia cho rằng Thái Lan cần sớm thống nhất với Lào về tiêu chuẩn khổ đường ray và thủ tục kiểm tra hàng hóa tại cửa khẩu để tránh tình trạng ách tắc khi tuyến đường đi vào hoạt động.",
    ],
    images=[
        dict(src="https://mediaimages.vietnamplus.vn/images/2022/05/20/duong-sat-thai-lan.jpg",
             caption="Một đoàn tàu hàng tại ga Nong Khai, Thái Lan.",
             credit="TTXVN"),
    ],
    related=[
        dict(title="Lào đặt mục tiêu vận chuyển 2 triệu tấn hàng qua đường sắt Lào-Trung", url="https://www.vietnamplus.vn/lao-dat-muc-tieu-van-chuyen-2-trieu-tan-hang/790112.vnp"),
    ],
    authors=["Minh Tâm"],
)

ARTICLES["znews_1"] = dict(
    title="Nhật Bản phát hiện loài cá mới ở độ sâu 8.000 m",
    lede="Các nhà khoa học Nhật Bản ghi được hình ảnh một loài cá ốc chưa từng được mô tả, sống ở rãnh đại dương sâu hơn 8.000 m ngoài khơi bán đảo Boso.",
    body=[
        "Nhóm nghiên cứu của Đại học Hải dương Tokyo cho biết họ đã thả một thiết bị ghi hình không người lái xuống rãnh Izu-Ogasawara trong chuyến khảo sát kéo dài hai tuần vào tháng 9. Thiết bị gắn mồi cá thu để thu hút sinh vật đến gần ống kính.",
        "Trong đoạn video dài khoảng 3 phút, một con cá thân trong suốt, dài chừng 25 cm, bơi chậm quanh mồi ở độ sâu 8.022 m. Theo trưởng nhóm nghiên cứu, đây có thể là một trong những loài cá sống ở độ sâu lớn nhất từng được ghi hình.",
        "Cá ốc là nhóm cá thích nghi đặc biệt với môi trường áp suất cao và nhiệt độ gần mức đóng băng. Cơ thể chúng gần như không có vảy, xương mềm và chứa nhiều nước, giúp chịu được áp lực gấp hàng trăm lần trên mặt biển.",
        "Nhóm nghiên cứu đã thu được hai mẫu vật bằng bẫy và đang phân tích ADN để xác định chúng có phải là một loài mới hay không. Kết quả dự kiến được công bố trên một tạp chí khoa học quốc tế vào năm sau.",
        "Các nhà khoa học cho rằng những phát hiện như vậy giúp hiểu rõ hơn về giới hạn sống của sinh vật có xương sống, đồng thời nhắc nhở về sự cần thiết phải bảo vệ các hệ sinh thái biển sâu trước hoạt động khai khoáng.",
    ],
    images=[
        dict(src="https://znews-photo.zingcdn.me/w660/Uploaded/2023_10_12/ca-oc-bien-sau.jpg",
             caption="Hình ảnh con cá ốc được ghi lại ở độ sâu hơn 8.000 m.",
             credit="Đại học Hải dương Tokyo"),
    ],
    related=[
        dict(title="Những sinh vật kỳ lạ sống dưới đáy đại dương", url="https://znews.vn/nhung-sinh-vat-ky-la-song-duoi-day-dai-duong-post1398112.html"),
        dict(title="Tàu lặn Trung Quốc chạm đáy rãnh Mariana", url="https://znews.vn/tau-lan-trung-quoc-cham-day-ranh-mariana-post1390021.html"),
    ],
    authors=["Bảo Anh"],
)

ARTICLES["nld_1"] = dict(
    title="TP HCM: Công nhân khu chế xuất được hỗ trợ tiền thuê nhà",
    lede="Hơn 12.000 công nhân đang làm việc tại các khu chế xuất, khu công nghiệp ở TP HCM sẽ được hỗ trợ 500.000 đồng/tháng tiền thuê nhà trong 3 tháng.",
    body=[
        "Chiều 16-11, Liên đoàn Lao động TP HCM cho biết đã thống nhất với Ban Quản lý các khu chế xuất và công nghiệp thành phố về chương trình hỗ trợ công nhân thuê trọ có thu nhập thấp. Kinh phí lấy từ nguồn tài chính công đoàn và vận động doanh nghiệp đóng góp.",
        "Đối tượng được hỗ trợ là người lao động có hợp đồng từ 1 tháng trở lên, đang ở trọ và có mức lương dưới 6 triệu đồng/tháng. Danh sách do công đoàn cơ sở lập, có xác nhận của chủ nhà trọ, gửi về trước ngày 30-11.",
        "Chị Lê Thị Kim Yến, công nhân một công ty may ở Khu chế xuất Tân Thuận (quận 7), cho biết tiền phòng trọ của chị và hai người bạn là 2,4 triệu đồng/tháng. \"Được hỗ trợ 500.000 đồng là đỡ được gần một tuần tiền chợ\", chị nói.",
        "Theo Liên đoàn Lao động TP HCM, từ đầu năm đến nay, nhiều doanh nghiệp thiếu đơn hàng phải cắt giảm giờ làm, khiến thu nhập của công nhân giảm 15-20%. Ngoài tiền thuê nhà, công đoàn còn tổ chức các chuyến xe bán hàng bình ổn giá tại khu nhà trọ vào cuối tuần.",
    ],
    images=[
        dict(src="https://nld.mediacdn.vn/291774122806476800/2023/11/16/cong-nhan-tan-thuan-1700131229.jpg",
             caption="Công nhân Khu chế xuất Tân Thuận tan ca",
             credit="Liên đoàn Lao động TP HCM"),
    ],
    related=[
        dict(title="Nhà trọ công nhân \"đóng băng\" giá phòng để giữ chân người thuê", url="https://nld.com.vn/nha-tro-cong-nhan-dong-bang-gia-phong-196231102.htm"),
        dict(title="Chợ phiên công đoàn bán hàng giá rẻ cho công nhân", url="https://nld.com.vn/cho-phien-cong-doan-ban-hang-gia-re-196231025.htm"),
    ],
    authors=["Kim Kha"],
)

ARTICLES["laodong_1"] = dict(
    title="Quảng Ninh tạm dừng tàu du lịch trên vịnh Hạ Long do áp thấp nhiệt đới",
    lede="Chiều 14.8, Cảng vụ Hàng hải Quảng Ninh thông báo tạm dừng cấp phép cho tàu du lịch rời bến để tham quan vịnh Hạ Long và Bái Tử Long do ảnh hưởng của áp thấp nhiệt đới trên Biển Đông.",
    body=[
        "Theo thông báo, lệnh tạm dừng có hiệu lực từ 14 giờ ngày 14.8 cho đến khi có thông báo mới. Các tàu đang hoạt động trên vịnh phải đưa du khách về bờ trước 17 giờ cùng ngày và neo đậu tại các khu tránh trú bão.",
        "Tại cảng tàu khách quốc tế Tuần Châu, nhiều đoàn khách đã đặt tour ngủ đêm trên vịnh phải hủy hoặc dời lịch. Đại diện một doanh nghiệp lữ hành cho biết đơn vị đã hoàn tiền hoặc chuyển sang các tour tham quan trên bờ cho khách.",
        "Ông Nguyễn Văn Hải, Giám đốc Cảng vụ Hàng hải Quảng Ninh, cho biết toàn tỉnh hiện có hơn 500 tàu du lịch đang hoạt động. Lực lượng chức năng đã kiểm tra, nhắc nhở các chủ tàu chằng buộc kỹ và bố trí người trực trên tàu suốt thời gian áp thấp ảnh hưởng.",
        "Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết, áp thấp nhiệt đới có khả năng mạnh lên thành bão trong 24 giờ tới. Vùng biển Quảng Ninh có gió mạnh cấp 6, giật cấp 8, sóng biển cao 2-3 m.",
        "UBND tỉnh Quảng Ninh đã yêu cầu các địa phương ven biển rà soát các lồng bè nuôi trồng thủy sản, sẵn sàng phương án di dời người dân ở khu vực có nguy cơ sạt lở.",
    ],
    images=[
        dict(src="https://media-cdn-v2.laodong.vn/storage/newsportal/2022/8/14/tau-du-lich-ha-long.jpg",
             caption="Tàu du lịch neo đậu tại cảng Tuần Châu chiều 14.8.",
             credit="Nguyễn Hùng"),
    ],
    related=[
        dict(title="Hạ Long đón lượng khách kỷ lục trong dịp nghỉ lễ", url="https://laodong.vn/du-lich/ha-long-don-luong-khach-ky-luc-1078821.ldo"),
    ],
    authors=["Nguyễn Hùng"],
)

ARTICLES["baochinhphu_1"] = dict(
    title="Thủ tướng chỉ thị đẩy nhanh giải ngân vốn đầu tư công những tháng cuối năm",
    lede="Thủ tướng Chính phủ vừa ký ban hành Chỉ thị yêu cầu các bộ, ngành, địa phương quyết liệt đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu tỷ lệ giải ngân cả năm đạt trên 95% kế hoạch.",
    body=[
        "Theo Chỉ thị, tính đến hết tháng 8, tỷ lệ giải ngân vốn đầu tư công của cả nước mới đạt khoảng 39% kế hoạch Thủ tướng giao, thấp hơn cùng kỳ năm trước. Nhiều bộ, cơ quan trung ương và địa phương có tỷ lệ giải ngân dưới mức bình quân chung.",
        "Thủ tướng yêu cầu người đứng đầu các bộ, ngành, địa phương chịu trách nhiệm trực tiếp về kết quả giải ngân; thành lập tổ công tác đặc biệt để kiểm tra, đôn đốc, tháo gỡ vướng mắc đối với từng dự án cụ thể.",
        "Các địa phương được yêu cầu tập trung giải quyết dứt điểm công tác giải phóng mặt bằng, bảo đảm nguồn cung vật liệu xây dựng cho các dự án trọng điểm, nhất là các tuyến cao tốc. Trường hợp chậm giải ngân không có lý do chính đáng, cơ quan có thẩm quyền sẽ điều chuyển vốn sang dự án có nhu cầu.",
        "Bộ Kế hoạch và Đầu tư được giao tổng hợp tình hình giải ngân hằng tháng, báo cáo Thủ tướng danh sách các đơn vị chậm trễ. Bộ Tài chính có trách nhiệm rút ngắn thời gian kiểm soát chi, thanh toán vốn qua hệ thống Kho bạc Nhà nước.",
    ],
    images=[],
    related=[
        dict(title="Thủ tướng chủ trì hội nghị trực tuyến thúc đẩy giải ngân vốn đầu tư công", url="https://baochinhphu.vn/thu-tuong-chu-tri-hoi-nghi-truc-tuyen-thuc-day-giai-ngan-102220815.htm"),
        dict(title="Thành lập 6 tổ công tác kiểm tra giải ngân vốn đầu tư công", url="https://baochinhphu.vn/thanh-lap-6-to-cong-tac-kiem-tra-giai-ngan-102220718.htm"),
    ],
    authors=["Thu Trang"],
)

ARTICLES["tincuulong_1"] = dict(
    title="Vĩnh Long: Làng gốm Mang Thít đón khách trở lại dịp cuối năm",
    lede="Sau thời gian trầm lắng, các lò gạch gốm ven kênh Thầy Cai ở huyện Mang Thít đang nhộn nhịp đón các đoàn khách tham quan, chụp ảnh dịp cuối năm.",
    body=[
        "Những ngày này, dọc tuyến đường ven kênh Thầy Cai, xã Mỹ An, không khó để bắt gặp từng nhóm bạn trẻ tạo dáng bên những lò nung hình vòm phủ rêu. Nhiều chủ lò đã dọn dẹp lối đi, mở cửa cho khách vào xem quy trình làm gạch, nặn gốm.",
        "Ông Nguyễn Văn Út, chủ một lò gốm đã hơn 40 năm tuổi, cho biết mỗi ngày cuối tuần có vài chục lượt khách ghé. \"Lò nhà tôi giờ chỉ đốt cầm chừng, nhưng khách tới đông thì mình cũng vui, có thêm đồng ra bán đồ lưu niệm\", ông nói.",
        "Theo Phòng Văn hóa và Thông tin huyện Mang Thít, toàn huyện hiện còn hơn 1.000 lò gạch gốm, phần lớn đã ngưng hoạt động do chuyển sang sản xuất vật liệu không nung. Huyện đang lập đề án bảo tồn khoảng 50 lò tiêu biểu để phục vụ du lịch.",
        "Một số hộ dân đã mạnh dạn đầu tư mở quán cà phê, homestay ngay trong khuôn viên lò cũ. Chị Trần Thị Bích Ngọc, chủ một homestay ở ấp Phú Thạnh, cho biết phòng đã kín lịch các ngày cuối tuần đến hết tháng 12.",
        "Ngành du lịch tỉnh Vĩnh Long dự kiến tổ chức tuần lễ văn hóa gốm đỏ vào đầu năm tới, kết hợp tham quan làng nghề, trình diễn nặn gốm và chợ phiên sản phẩm OCOP của địa phương.",
    ],
    images=[
        dict(src="https://tincuulong.vn/wp-content/uploads/2023/12/lang-gom-mang-thit-1.jpg",
             caption="Du khách chụp ảnh bên các lò gốm ven kênh Thầy Cai.",
             credit="Phương Thảo"),
        dict(src="https://tincuulong.vn/wp-content/uploads/2023/12/lang-gom-mang-thit-2.jpg",
             caption="Thợ gốm tạo hình sản phẩm tại một cơ sở ở xã Mỹ An.",
             credit="Phương Thảo"),
    ],
    related=[
        dict(title="Vĩnh Long đón hơn 1,5 triệu lượt khách du lịch", url="https://tincuulong.vn/vinh-long-don-hon-1-5-trieu-luot-khach-du-lich/"),
        dict(title="Giữ nghề gốm đỏ bên dòng Cổ Chiên", url="https://tincuulong.vn/giu-nghe-gom-do-ben-dong-co-chien/"),
        dict(title="Mùa nước nổi ở cù lao An Bình", url="https://tincuulong.vn/mua-nuoc-noi-o-cu-lao-an-binh/"),
    ],
    authors=["Phương Thảo"],
)

ARTICLES["mekongobserver_1"] = dict(
    title="Can Tho opens first floating market visitor centre",
    lede=None,
    body=[
        "Can Tho authorities on Saturday opened a visitor centre beside the Cai Rang floating market, hoping to ease crowding on the river and keep the century-old trading tradition alive.",
        "The two-storey building, on the bank of the Can Tho River about six kilometres from the city centre, houses a small museum, a ticket office for licensed boat operators and a covered pier where tourist boats can pick up passengers without blocking traders.",
        "\"The market is a living place of trade first, and a tourist attraction second,\" said Tran Thi Thu Van, deputy director of the city's tourism department. \"We want visitors to see it without pushing the traders out.\"",
        "The number of wholesale boats at Cai Rang has fallen sharply over the past decade as roads and refrigerated trucks replaced river transport. Local officials estimate that fewer than 300 trading boats now gather each morning, compared with more than 500 in the early 2010s.",
        "Under the new rules, tourist boats must keep to marked channels and may not moor alongside trading boats between 5 and 8 a.m., the busiest hours. Operators who break the rules face fines and could lose their licences.",
        "Several traders welcomed the changes. Nguyen Van Be, who has sold pineapples from his boat for 20 years, said tourist boats often crowded around buyers in the early morning. \"If they keep to the lanes, everyone can do business,\" he said.",
    ],
    images=[
        dict(src="https://mekongobserver.com/wp-content/uploads/2024/03/cai-rang-visitor-centre.jpg",
             caption="Boats gather at the Cai Rang floating market in Can Tho.",
             credit="Linh Tran"),
    ],
    related=[
        dict(title="Mekong Delta fruit exports hit record in 2023", url="https://mekongobserver.com/mekong-delta-fruit-exports-hit-record-in-2023/"),
        dict(title="New bridge links Can Tho and Vinh Long islets", url="https://mekongobserver.com/new-bridge-links-can-tho-and-vinh-long-islets/"),
    ],
    authors=["Linh Tran"],
)
